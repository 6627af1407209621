import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { In, LessThan } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CertificatesService } from '../certificates/certificates.service';
import { CERTIFICATE_SHEET_COLUMNS } from '../certificates/dto/certificate.columns';
import { CreateCertificateDto, UpdateCertificateDto } from '../certificates/dto/certificate.dto';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import type { SheetColumn } from '../common/export/export-columns';
import { DomainError, FieldProblem } from '../common/errors';
import { TenantRepository } from '../common/tenancy';
import { Transactions } from '../database/transactions';
import { FACTORY_SHEET_COLUMNS } from '../factories/dto/factory.columns';
import { CreateFactoryDto, UpdateFactoryDto } from '../factories/dto/factory.dto';
import { FactoriesService } from '../factories/factories.service';
import { detectFormat, fileRows, ImportFormat } from './import-file';
import {
  CertificateIndex,
  changedFields,
  FactoryIndex,
  certificateKey,
  nameKey,
} from './import-matching';
import {
  ImportCounts,
  ImportKind,
  ImportPlanRow,
  ImportPreview,
  ImportRowError,
} from './import-preview.entity';
import { HeaderMap, isBlankRow, mapHeader, MAX_IMPORT_ROWS, rowFields } from './import-sheet.rules';
import { ImportErrors } from './imports.errors';
import { ImportRowErrorCode, ImportRowErrorParams, ruleError } from './import-row-errors.rules';
import { ImportRowBatch } from './import-row-batch.entity';
import { PREVIEW_LIFETIME_MS, STUCK_READ_MS } from './import-lifetime';
import { ImportFiles } from './import-files';
import { ImportQueue } from './import-queue';
import { IMPORT_JOB_MIN_BYTES } from './imports.jobs';

/** Row errors kept in a preview: enough to fix a file, not a copy of a broken one. */
const MAX_STORED_ERRORS = 1000;
/** The kinds of records an import reads and writes: a change to any invalidates a preview. */
const WATCHED = ['factory', 'certificate'];

export const SHEETS: Record<ImportKind, readonly SheetColumn[]> = {
  factories: FACTORY_SHEET_COLUMNS,
  certificates: CERTIFICATE_SHEET_COLUMNS,
};

/** Fields that may be left out but are never null: an empty cell keeps (or defaults) them. */
const OMIT_WHEN_EMPTY = new Set(['status', 'productCategories', 'sites', 'iafCodes']);

export interface UploadedFile {
  buffer: Buffer;
  originalname?: string;
}

interface ReadResult {
  counts: ImportCounts;
  errors: ImportRowError[];
}

/** Rows per write, both when the preview stores them and when commit reads them back. */
const ROWS_PER_WRITE = 500;
/**
 * Rows per stored batch: each is one short transaction of the preview (on SQLite a
 * commit to disk) and one read of the commit; 500 rows are about 250 kB of JSON. 2,000
 * measured no faster and held more during a commit (bench/RESULTS.md).
 */
const ROWS_PER_BATCH = 500;

/** A problem of one field of a row, with its stable code (import-row-errors.rules.ts). */
interface RowProblem {
  field: string;
  message: string;
  code: ImportRowErrorCode;
  params: ImportRowErrorParams;
}

/** Reads one kind of row: validate with the create DTO and the owning service, then match. */
interface RowReader {
  check(
    fields: Record<string, unknown>,
    row: number,
  ): { problems: RowProblem[]; plan?: ImportPlanRow };
}

@Injectable()
export class ImportsService {
  private readonly previews = new TenantRepository(ImportPreview, ImportErrors.notFound);
  private readonly batches = new TenantRepository(ImportRowBatch, ImportErrors.notFound);

  constructor(
    private readonly transactions: Transactions,
    private readonly factories: FactoriesService,
    private readonly certificates: CertificatesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly files: ImportFiles,
    private readonly queue: ImportQueue,
  ) {}

  /** An import of the actor's (another person's answers 404, as another organization's does). */
  get(actor: Actor, id: string): Promise<ImportPreview> {
    return this.previews.get(this.transactions.manager, actor.organizationId, id, {
      createdById: actor.userId,
    });
  }

  /**
   * Reads and validates the file; nothing but the preview itself is written. A large file
   * is kept in the data folder and read by a job: the preview answers `queued`, and
   * `GET /imports/:id` follows its progress.
   */
  async preview(
    actor: Actor,
    kind: ImportKind,
    file: UploadedFile | undefined,
  ): Promise<ImportPreview> {
    if (!file) throw ImportErrors.fileRequired();
    const format = detectFormat(file.buffer);
    const preview = this.previews.repo(this.transactions.manager).create({
      organizationId: actor.organizationId,
      createdById: actor.userId,
      kind,
      format,
      fileName: file.originalname?.slice(0, 255) ?? null,
      state: 'queued',
      progress: 0,
      counts: { rows: 0, valid: 0, invalid: 0, created: 0, updated: 0, unchanged: 0 },
      errors: [],
      dataStamp: null,
      failure: null,
      committedAt: null,
      createdAt: this.clock.now(),
    });
    if (file.buffer.length >= IMPORT_JOB_MIN_BYTES) {
      await this.files.save(preview.id, file.buffer);
      await this.insert(preview);
      try {
        await this.queue.enqueue(actor.organizationId, preview.id);
      } catch (error) {
        await this.previews.delete(this.transactions.manager, actor.organizationId, {
          id: preview.id,
        });
        await this.files.remove(preview.id);
        throw error;
      }
      return preview;
    }
    // Inserted first: the rows to write are stored under it as the file is read.
    preview.state = 'reading';
    await this.insert(preview);
    try {
      Object.assign(preview, await this.readInto(actor, preview, file.buffer, format), {
        state: 'ready',
        progress: 100,
      });
    } catch (error) {
      await this.discard(preview);
      throw error;
    }
    await this.previews.update(
      this.transactions.manager,
      actor.organizationId,
      { id: preview.id },
      {
        state: preview.state,
        progress: preview.progress,
        counts: preview.counts,
        errors: preview.errors,
        dataStamp: preview.dataStamp,
      } as QueryDeepPartialEntity<ImportPreview>,
    );
    return preview;
  }

  private async discard(preview: ImportPreview): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.batches.delete(manager, preview.organizationId, { importId: preview.id });
      await this.previews.delete(manager, preview.organizationId, { id: preview.id });
    });
  }

  /**
   * Removes, in every organization, the previews that can no longer be committed (ready,
   * failed or committed, older than the preview lifetime) and those whose job was lost
   * (queued or reading for a day), with their rows and waiting files; 500 at a time, each
   * batch its own short transaction. Answers how many previews went.
   */
  async removeExpired(): Promise<number> {
    const now = this.clock.now().getTime();
    const finished = new Date(now - PREVIEW_LIFETIME_MS);
    const stuck = new Date(now - STUCK_READ_MS);
    let removed = 0;
    for (;;) {
      const batch = await this.transactions.run(async (manager) => {
        // Across tenants: the daily sweep clears every organization's leftovers at once.
        const previews = this.previews.acrossTenants(manager);
        const expired = await previews.find({
          select: { id: true, state: true },
          where: [
            { state: In(['ready', 'failed', 'committed']), createdAt: LessThan(finished) },
            { state: In(['queued', 'reading']), createdAt: LessThan(stuck) },
          ],
          take: ROWS_PER_WRITE,
        });
        if (expired.length === 0) return [];
        const ids = expired.map((p) => p.id);
        await this.batches.acrossTenants(manager).delete({ importId: In(ids) });
        await previews.delete({ id: In(ids) });
        return expired;
      });
      if (batch.length === 0) return removed;
      for (const preview of batch)
        if (preview.state === 'queued' || preview.state === 'reading')
          await this.files.remove(preview.id);
      removed += batch.length;
    }
  }

  /** The job's work: reads a queued file into its preview, reporting progress as it goes. */
  async readQueued(
    organizationId: string,
    id: string,
    reportProgress: (percent: number) => Promise<void>,
  ): Promise<void> {
    const manager = this.transactions.manager;
    const preview = await this.previews.find(manager, organizationId, id);
    if (!preview || (preview.state !== 'queued' && preview.state !== 'reading')) return;
    await this.previews.update(manager, organizationId, { id }, { state: 'reading', progress: 0 });
    const actor = this.actorOf(preview);
    let reported = 0;
    try {
      const bytes = await this.files.read(id);
      // A retried job starts the rows afresh.
      await this.transactions.run((m) =>
        this.batches.delete(m, organizationId, { importId: id }).then(() => undefined),
      );
      const result = await this.readInto(
        actor,
        preview,
        bytes,
        preview.format as ImportFormat,
        async (fraction) => {
          // The last percent is the preview's own write.
          const percent = Math.min(99, Math.floor(fraction * 100));
          if (percent < reported + 5) return;
          reported = percent;
          await this.previews.update(manager, organizationId, { id }, { progress: percent });
          await reportProgress(percent);
        },
      );
      await this.previews.update(manager, organizationId, { id }, {
        ...result,
        state: 'ready',
        progress: 100,
        // The hour to commit in starts when the preview is ready.
        createdAt: this.clock.now(),
      } as QueryDeepPartialEntity<ImportPreview>);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await this.transactions.run((m) =>
        this.batches.delete(m, organizationId, { importId: id }).then(() => undefined),
      );
      await this.previews.update(manager, organizationId, { id }, {
        state: 'failed',
        failure: { code: error.code, message: error.message },
      } as QueryDeepPartialEntity<ImportPreview>);
    }
    await this.files.remove(id);
    await reportProgress(100);
  }

  /**
   * The person who uploaded the file, as the actor of the reading. Only trader staff may
   * import (the routes say so), and reading writes nothing: the commit runs as whoever
   * commits, with their own role.
   */
  private actorOf(preview: ImportPreview): Actor {
    return {
      userId: preview.createdById,
      organizationId: preview.organizationId,
      role: 'member',
      factoryId: null,
      email: '',
      name: '',
      locale: null,
    };
  }

  private async insert(preview: ImportPreview): Promise<void> {
    // The JSON columns' types are wider than TypeORM's insert type admits.
    await this.previews
      .repo(this.transactions.manager)
      .insert(preview as QueryDeepPartialEntity<ImportPreview>);
  }

  /** The preview's fields from the file: its counts, errors and plan, and the data stamp they hold for. */
  private async readInto(
    actor: Actor,
    preview: ImportPreview,
    bytes: Buffer,
    format: ImportFormat,
    onProgress?: (fraction: number) => Promise<void>,
  ): Promise<Pick<ImportPreview, 'counts' | 'errors' | 'dataStamp'>> {
    // Taken before the data is read: a change made while reading makes the preview stale.
    const dataStamp = await this.audit.changeStamp(actor.organizationId, WATCHED);
    let position = 0;
    const store = (rows: ImportPlanRow[]) =>
      this.transactions.run(async (manager) => {
        const repo = this.batches.repo(manager);
        const batch = repo.create({
          organizationId: preview.organizationId,
          importId: preview.id,
          position: position++,
          rows,
        });
        // The JSON column's type is wider than TypeORM's insert type admits.
        await repo.insert(batch as QueryDeepPartialEntity<ImportRowBatch>);
      });
    const result = await this.read(actor, preview.kind, bytes, format, store, onProgress);
    return { ...result, dataStamp };
  }

  /** Parses every row; file-level problems (format, header, size) throw, row problems are collected. */
  async read(
    actor: Actor,
    kind: ImportKind,
    bytes: Buffer,
    format: ImportFormat,
    /** Receives the rows commit will write, 500 at a time (unchanged rows are only counted). */
    store: (rows: ImportPlanRow[]) => Promise<void>,
    onProgress?: (fraction: number) => Promise<void>,
  ): Promise<ReadResult> {
    const sheet = SHEETS[kind];
    const reader =
      kind === 'factories' ? await this.factoryReader(actor) : await this.certificateReader(actor);
    const counts: ImportCounts = {
      rows: 0,
      valid: 0,
      invalid: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
    };
    const errors: ImportRowError[] = [];
    const plan: ImportPlanRow[] = [];
    let header: HeaderMap | null = null;
    for await (const { row, cells, fraction } of fileRows(bytes, format)) {
      if (isBlankRow(cells)) continue;
      if (!header) {
        header = checkedHeader(
          cells.map((c) => (typeof c === 'string' ? c : '')),
          sheet,
        );
        continue;
      }
      counts.rows += 1;
      if (counts.rows > MAX_IMPORT_ROWS) throw ImportErrors.tooManyRows();
      if (onProgress && counts.rows % 500 === 0) await onProgress(fraction);
      const columnOf = (field: string) => columnName(header as HeaderMap, field);
      const { fields, problems: cellProblems } = rowFields(cells, header, OMIT_WHEN_EMPTY);
      let rowErrors: ImportRowError[] = cellProblems.map((p) => ({
        row,
        column: (header as HeaderMap).headers[p.index],
        message: p.message,
        code: p.code,
        params: {},
      }));
      if (rowErrors.length === 0) {
        const { problems, plan: planned } = reader.check(fields, row);
        rowErrors = problems.map((p) => ({
          row,
          column: columnOf(p.field),
          message: p.message,
          code: p.code,
          params: p.params,
        }));
        if (planned && rowErrors.length === 0) {
          if (planned.action !== 'unchanged') plan.push(planned);
          if (plan.length >= ROWS_PER_BATCH) await store(plan.splice(0));
          if (planned.action === 'create') counts.created += 1;
          else if (planned.action === 'update') counts.updated += 1;
          else counts.unchanged += 1;
        }
      }
      if (rowErrors.length > 0) {
        counts.invalid += 1;
        for (const error of rowErrors) if (errors.length < MAX_STORED_ERRORS) errors.push(error);
      } else counts.valid += 1;
    }
    if (!header) throw ImportErrors.emptyFile();
    if (plan.length > 0) await store(plan);
    return { counts, errors };
  }

  /**
   * Writes the previewed rows in one transaction, each change an audit event. A preview
   * already committed answers its counts again and writes nothing.
   */
  commit(actor: Actor, id: string): Promise<ImportPreview> {
    return this.transactions.run(async (manager) => {
      const preview = await this.get(actor, id);
      if (preview.state === 'committed') return preview;
      if (preview.state !== 'ready') throw ImportErrors.notReady();
      if (this.clock.now().getTime() - preview.createdAt.getTime() > PREVIEW_LIFETIME_MS)
        throw ImportErrors.previewExpired();
      // Claimed first: of two commits racing, the second finds it committed (PostgreSQL
      // holds its row lock until this transaction ends; SQLite runs one at a time).
      const committedAt = this.clock.now();
      const claimed = await this.previews.update(
        manager,
        actor.organizationId,
        { id, state: 'ready' },
        { state: 'committed', committedAt },
      );
      if (!claimed.affected) return this.get(actor, id);
      const stamp = await this.audit.changeStamp(actor.organizationId, WATCHED, manager);
      if (stamp !== preview.dataStamp) throw ImportErrors.previewStale();
      for (let position = 0; ; position += 1) {
        const batch = await this.batches.findOneWhere(manager, actor.organizationId, {
          importId: id,
          position,
        });
        if (!batch) break;
        if (preview.kind === 'factories') await this.writeFactories(actor, batch.rows);
        else await this.writeCertificates(actor, batch.rows);
      }
      // A committed preview keeps its counts only.
      await this.batches.delete(manager, actor.organizationId, { importId: id });
      return Object.assign(preview, { state: 'committed', committedAt });
    });
  }

  /** Inside commit's transaction: create and update join it. */
  private async writeFactories(actor: Actor, plan: ImportPlanRow[]): Promise<void> {
    for (const step of plan) {
      if (step.action === 'create')
        await this.factories.create(actor, step.fields as unknown as CreateFactoryDto);
      else if (step.action === 'update')
        await this.factories.update(actor, step.id as string, step.fields as UpdateFactoryDto);
    }
  }

  /** Inside commit's transaction: createMany and update join it. */
  private async writeCertificates(actor: Actor, plan: ImportPlanRow[]): Promise<void> {
    const creates = plan
      .filter((s) => s.action === 'create')
      .map((s) => s.fields as unknown as CreateCertificateDto);
    await this.certificates.createMany(actor, creates);
    for (const step of plan) {
      if (step.action === 'update')
        await this.certificates.update(
          actor,
          step.id as string,
          step.fields as UpdateCertificateDto,
        );
    }
  }

  private async factoryReader(actor: Actor): Promise<RowReader> {
    const index = new FactoryIndex(await this.factories.listAll(actor.organizationId));
    const seen = new Map<string, number>();
    return {
      check: (fields, row) => {
        const { input, problems } = validated(CreateFactoryDto, fields);
        if (!input) return { problems };
        const existing = index.match(input.licenseNumber, input.name);
        const changes = existing ? changedFields(existing, normalizedFactory(input)) : null;
        if (changes && Object.keys(changes).length === 0)
          return { problems: [], plan: { row, action: 'unchanged', id: existing?.id } };
        const own = this.factories.inputProblems(input);
        if (own.length > 0) return { problems: own.map((p) => domainProblem(p, input)) };
        const key = existing
          ? `id:${existing.id}`
          : `new:${input.licenseNumber ? input.licenseNumber.toUpperCase() : nameKey(input.name)}`;
        const repeated = seen.get(key);
        if (repeated)
          return {
            problems: [
              {
                field: 'name',
                message: `repeats the factory of row ${repeated}`,
                code: 'duplicate_in_file',
                params: { row: repeated },
              },
            ],
          };
        seen.set(key, row);
        return existing
          ? {
              problems: [],
              plan: { row, action: 'update', id: existing.id, fields: changes ?? {} },
            }
          : { problems: [], plan: { row, action: 'create', fields: { ...input } } };
      },
    };
  }

  private async certificateReader(actor: Actor): Promise<RowReader> {
    const factories = new FactoryIndex(await this.factories.listAll(actor.organizationId));
    const index = new CertificateIndex(await this.certificates.listAll(actor.organizationId));
    const seen = new Map<string, number>();
    return {
      check: (fields, row) => {
        const { factory: reference, ...rest } = fields;
        let factoryId: string | null = null;
        if (typeof reference === 'string' && reference.trim() !== '') {
          const factory = factories.find(reference);
          if (!factory)
            return {
              problems: [
                {
                  field: 'factory',
                  message: 'no factory of the organization has this licence number or name',
                  code: 'unknown_factory',
                  params: { value: reference.trim().slice(0, 200) },
                },
              ],
            };
          factoryId = factory.id;
        }
        const { input, problems } = validated(CreateCertificateDto, { ...rest, factoryId });
        if (!input) return { problems };
        const candidates = index.candidates(input.certificateNumber, input.certificationBody);
        const normalized = { ...input, factoryId };
        const same = candidates.find((c) => Object.keys(changedFields(c, normalized)).length === 0);
        if (same) return { problems: [], plan: { row, action: 'unchanged', id: same.id } };
        const own = this.certificates.inputProblems(input);
        if (own.length > 0) return { problems: own.map((p) => domainProblem(p, input)) };
        const current = candidates.find((c) => c.status !== 'superseded');
        if (candidates.length > 0 && !current)
          return {
            problems: [
              {
                field: 'certificateNumber',
                message: 'this certificate was renewed: change its renewal instead',
                code: 'certificate_renewed',
                params: { value: input.certificateNumber },
              },
            ],
          };
        const key = certificateKey(input.certificateNumber, input.certificationBody);
        const repeated = seen.get(key);
        if (repeated)
          return {
            problems: [
              {
                field: 'certificateNumber',
                message: `repeats the certificate of row ${repeated}`,
                code: 'duplicate_in_file',
                params: { row: repeated },
              },
            ],
          };
        seen.set(key, row);
        return current
          ? {
              problems: [],
              plan: {
                row,
                action: 'update',
                id: current.id,
                fields: changedFields(current, normalized),
              },
            }
          : { problems: [], plan: { row, action: 'create', fields: { ...normalized } } };
      },
    };
  }
}

/** The header row, or the 400 that names what is wrong with it. */
function checkedHeader(cells: string[], sheet: readonly SheetColumn[]): HeaderMap {
  const { map, problems } = mapHeader(cells, sheet);
  if (problems.some((p) => p.kind === 'no_header')) throw ImportErrors.noHeader();
  const unknown = problems.flatMap((p) => (p.kind === 'unknown_column' ? [p] : []));
  if (unknown.length) throw ImportErrors.unknownColumns(unknown);
  const duplicate = problems.flatMap((p) => (p.kind === 'duplicate_column' ? [p] : []));
  if (duplicate.length) throw ImportErrors.duplicateColumns(duplicate);
  const missing = problems.flatMap((p) => (p.kind === 'missing_column' ? [p.header] : []));
  if (missing.length) throw ImportErrors.missingColumns(missing);
  return map;
}

/** The header the file gave a field (a certificate's factoryId is its "factory" column). */
function columnName(header: HeaderMap, field: string): string {
  const key = field === 'factoryId' ? 'factory' : field.split('.')[0];
  const index = header.columns.findIndex((c) => c?.key === key);
  return index >= 0 ? header.headers[index] : field;
}

/**
 * The same validation as the API's ValidationPipe: the create DTO's own class-validator
 * rules. Synchronously: none of those rules is asynchronous (validateSync would skip one
 * that were), and 50,000 rows each awaiting a chain of promises cost a second.
 */
function validated<T extends object>(
  dto: new () => T,
  fields: Record<string, unknown>,
): { input?: T; problems: RowProblem[] } {
  const instance = plainToInstance(dto, fields, { enableImplicitConversion: false });
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) return { problems: flatten(errors, fields) };
  const input = Object.fromEntries(
    Object.entries(instance).filter(([, value]) => value !== undefined),
  ) as T;
  return { input, problems: [] };
}

/** The problems of a row; each names the cell's value as the file gave it (before trims and upper-casing). */
function flatten(
  errors: ValidationError[],
  given: Record<string, unknown>,
  parent = '',
): RowProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const value = parent ? error.value : (given[error.property] ?? error.value);
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      message,
      ...ruleError(rule, message, value),
    }));
    return [...own, ...flatten(error.children ?? [], given, field)];
  });
}

/** A problem found by the owning service's own checks, which name their rule. */
function domainProblem(problem: FieldProblem, input: object): RowProblem {
  return {
    field: problem.field,
    message: problem.message,
    ...ruleError(problem.rule, problem.message, (input as Record<string, unknown>)[problem.field]),
  };
}

/** A factory row as the service would store it (CN licence numbers upper-cased). */
function normalizedFactory(input: CreateFactoryDto): Record<string, unknown> {
  return {
    ...input,
    licenseNumber:
      input.licenseNumber && input.country === 'CN'
        ? input.licenseNumber.toUpperCase()
        : input.licenseNumber,
  };
}
