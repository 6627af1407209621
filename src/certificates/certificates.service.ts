import { Injectable } from '@nestjs/common';
import { Brackets, EntityManager, In, Not } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { assertCanSee, isFactoryManager, scopeToFactory } from '../common/factory-scope';
import type { FieldProblem } from '../common/errors';
import { Clock } from '../common/clock';
import { addDays, calendarDateOf, todayIn } from '../common/dates';
import { Page, pageOf } from '../common/pagination';
import { TenantRepository } from '../common/tenancy';
import { StandardsCatalog } from '../config/standards-catalog';
import { andWhereIn } from '../database/in-list';
import { Transactions } from '../database/transactions';
import { insertRows } from '../database/bulk-insert';
import { plainRows } from '../database/plain-rows';
import { FactoriesService } from '../factories/factories.service';
import { FactoryErrors } from '../factories/factories.errors';
import { OrganizationsService } from '../organizations/organizations.service';
import { Certificate, CertificateStatus } from './certificate.entity';
import { CertificateLinksService } from './certificate-links.service';
import {
  isInForce,
  LAPSING_STATUSES,
  lapsesBy,
  lastValidDay,
  REMINDABLE_STATUSES,
  WEIGHED_STATUSES,
} from './certificate-status';
import { CertificateErrors } from './certificates.errors';
import {
  CertificateQueryDto,
  CreateCertificateDto,
  RenewCertificateDto,
  UpdateCertificateDto,
} from './dto/certificate.dto';
import { certificateSnapshot } from './dto/certificate.response';

type RawCurrentCertificate = Omit<
  CurrentCertificateColumns,
  'productCategories' | 'expiresOn' | 'nextSurveillanceAuditOn'
> & {
  productCategories: string | string[];
  expiresOn: string | Date;
  nextSurveillanceAuditOn: string | Date | null;
};

function parseSimpleJson(value: string | string[]): string[] {
  return typeof value === 'string' ? (JSON.parse(value) as string[]) : value;
}

export type CurrentCertificateColumns = Pick<
  Certificate,
  | 'id'
  | 'factoryId'
  | 'standard'
  | 'certificateNumber'
  | 'certificationBody'
  | 'accreditationBody'
  | 'status'
  | 'scope'
  | 'productCategories'
  | 'expiresOn'
  | 'nextSurveillanceAuditOn'
>;

/** What the risk signals read of a certificate (CertificatesService.batchAfter). */
export const SIGNAL_CERTIFICATE_COLUMNS = [
  'id',
  'factoryId',
  'standard',
  'certificateNumber',
  'certificationBody',
  'accreditationBody',
  'scope',
  'productCategories',
  'iafCodes',
  'issuedOn',
  'expiresOn',
  'nextSurveillanceAuditOn',
  'status',
] as const satisfies readonly (keyof Certificate)[];
export type SignalCertificateColumns = Pick<
  Certificate,
  (typeof SIGNAL_CERTIFICATE_COLUMNS)[number]
>;

/** Certificates expired per transaction by the daily scan. */
const EXPIRE_BATCH = 500;

@Injectable()
export class CertificatesService {
  private readonly certificates = new TenantRepository(Certificate, CertificateErrors.notFound);

  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly catalog: StandardsCatalog,
    private readonly factories: FactoriesService,
    private readonly organizations: OrganizationsService,
    private readonly clock: Clock,
    private readonly links: CertificateLinksService,
  ) {}

  /** Today's date in the organization's timezone: "days left" are counted there. */
  /** Today in the organization's timezone: the actor's when it carries it, else read. */
  async today(of: Actor | string): Promise<string> {
    if (typeof of !== 'string' && of.timezone) return todayIn(of.timezone, this.clock.now());
    const organizationId = typeof of === 'string' ? of : of.organizationId;
    const organization = await this.organizations.get(organizationId, this.transactions.reader);
    return todayIn(organization.timezone, this.clock.now());
  }

  async get(
    actor: Actor,
    id: string,
    manager: EntityManager = this.transactions.manager,
  ): Promise<Certificate> {
    const certificate = await this.certificates.get(manager, actor.organizationId, id);
    assertCanSee(actor, certificate.factoryId, CertificateErrors.notFound);
    return certificate;
  }

  /**
   * For other features, inside their own run(): sets the status (a registry says the
   * certificate is suspended or withdrawn) and answers the certificate as it now is.
   * The caller records the audit event, with its reason.
   */
  async setStatus(
    organizationId: string,
    id: string,
    status: CertificateStatus,
  ): Promise<Certificate> {
    const manager = this.transactions.manager;
    await this.certificates.update(manager, organizationId, { id }, { status });
    return this.certificates.get(manager, organizationId, id);
  }

  /**
   * The daily scan's state change: every active or suspended certificate past its last
   * valid day (expiresOn, or its edition's validUntil) is stored `expired`, each with an
   * audit event by the system. Answers read the same rule before the scan has run
   * (certificate-status.ts), so nobody sees `active` in between. Returns the ids.
   */
  async expireLapsed(organizationId: string, today: string): Promise<string[]> {
    const voidStandards = this.voidStandards(today);
    const expired: string[] = [];
    let after = '';
    for (;;) {
      const candidates = await this.certificates
        .query(this.transactions.manager, organizationId, 'certificate')
        .select('certificate.id')
        .andWhere('certificate.status IN (:...inForce)', { inForce: LAPSING_STATUSES })
        .andWhere(
          new Brackets((w) => {
            w.where('certificate.expiresOn < :today', { today });
            if (voidStandards.length > 0)
              w.orWhere('certificate.standard IN (:...voidStandards)', { voidStandards });
          }),
        )
        .andWhere('certificate.id > :after', { after })
        .orderBy('certificate.id', 'ASC')
        .take(EXPIRE_BATCH)
        .getMany();
      if (candidates.length === 0) break;
      after = candidates[candidates.length - 1].id;
      expired.push(
        ...(await this.expire(
          organizationId,
          candidates.map((c) => c.id),
          today,
        )),
      );
    }
    return expired;
  }

  /**
   * One batch in one transaction, with one UPDATE and one multi-row INSERT of the audit
   * events (the first scan of a long-idle organization expires thousands at once). The
   * rows are read locked on PostgreSQL (SQLite's write lock is already held), so a renewal
   * or a registry result that lands first wins cleanly: it is read as it now is.
   */
  private expire(organizationId: string, ids: string[], today: string): Promise<string[]> {
    return this.transactions.run(async (manager) => {
      const read = andWhereIn(
        this.certificates.query(manager, organizationId, 'certificate'),
        'certificate.id',
        'ids',
        ids,
      );
      if (!this.transactions.isSqlite) read.setLock('pessimistic_write');
      const lapsed = (await read.getMany()).filter(
        (before) =>
          isInForce(before.status) &&
          lapsesBy(before, this.catalog.validUntil(before.standard), today),
      );
      if (lapsed.length === 0) return [];
      await this.certificates.update(
        manager,
        organizationId,
        { id: In(lapsed.map((c) => c.id)), status: In(LAPSING_STATUSES) },
        { status: 'expired' },
      );
      await this.audit.recordMany(
        lapsed.map((before) => {
          const lastDay = lastValidDay(before.expiresOn, this.catalog.validUntil(before.standard));
          return {
            organizationId,
            actorId: null,
            action: 'certificate.expired',
            entityType: 'certificate',
            entityId: before.id,
            before: certificateSnapshot(before),
            after: {
              ...certificateSnapshot(before),
              status: 'expired',
              reason:
                lastDay === before.expiresOn
                  ? `expiresOn ${before.expiresOn} passed without a renewal`
                  : `the edition ${before.standard} stopped counting after ${lastDay}`,
            },
          };
        }),
      );
      return lapsed.map((c) => c.id);
    });
  }

  /** For the signals: the organization's certificates that carry one of these numbers (id, holder, number). */
  /**
   * For the signals: the organization's certificates with these numbers, and which of the
   * numbers other organizations also hold: the one read across tenants, which answers
   * whether, never where or whose. One query on the number index (scoping it by
   * organization made SQLite walk the whole organization instead).
   */
  async holdersOfNumbers(
    organizationId: string,
    numbers: string[],
    manager: EntityManager = this.transactions.reader,
  ): Promise<{
    own: Pick<Certificate, 'id' | 'factoryId' | 'certificateNumber'>[];
    heldElsewhere: Set<string>;
  }> {
    const own: Pick<Certificate, 'id' | 'factoryId' | 'certificateNumber'>[] = [];
    const heldElsewhere = new Set<string>();
    if (numbers.length === 0) return { own, heldElsewhere };
    const rows = await andWhereIn(
      // Across organizations: whether another one holds the number (never whose or where).
      this.certificates
        .acrossTenants(manager)
        .createQueryBuilder('certificate')
        .select('certificate.certificateNumber', 'certificateNumber')
        .addSelect('certificate.organizationId', 'organizationId')
        .addSelect('certificate.id', 'id')
        .addSelect('certificate.factoryId', 'factoryId'),
      'certificate.certificateNumber',
      'numbers',
      numbers,
    ).getRawMany<{
      certificateNumber: string;
      organizationId: string;
      id: string;
      factoryId: string | null;
    }>();
    for (const row of rows) {
      if (row.organizationId === organizationId)
        own.push({
          id: row.id,
          factoryId: row.factoryId,
          certificateNumber: row.certificateNumber,
        });
      else heldElsewhere.add(row.certificateNumber);
    }
    return { own, heldElsewhere };
  }

  /**
   * For organization-wide reports (the signals): the next batch of certificates in id
   * order after `afterId` (superseded ones left out unless one certificate is asked for by
   * id), as plain rows of the columns the signal rules read: building entities of every
   * certificate of the organization cost more than the query (issue 17).
   */
  batchAfter(
    organizationId: string,
    afterId: string,
    size: number,
    certificateId?: string,
  ): Promise<SignalCertificateColumns[]> {
    const qb = this.certificates
      .query(this.transactions.manager, organizationId, 'certificate')
      .andWhere('certificate.id > :afterId', { afterId })
      .orderBy('certificate.id', 'ASC')
      .limit(size);
    if (certificateId) qb.andWhere('certificate.id = :certificateId', { certificateId });
    else qb.andWhere('certificate.status <> :superseded', { superseded: 'superseded' });
    return plainRows(qb, SIGNAL_CERTIFICATE_COLUMNS);
  }

  /** For other features: the id and issue date of those of these ids that are the organization's certificates. */
  async issueDatesOf(
    organizationId: string,
    ids: string[],
    manager: EntityManager = this.transactions.manager,
  ): Promise<Pick<Certificate, 'id' | 'issuedOn'>[]> {
    if (ids.length === 0) return [];
    // The ids bound as one parameter, and plain rows: the gap analysis asks for thousands.
    const rows = await andWhereIn(
      this.certificates
        .query(manager, organizationId, 'certificate')
        .select('certificate.id', 'id')
        .addSelect('certificate.issuedOn', 'issuedOn'),
      'certificate.id',
      'ids',
      ids,
    ).getRawMany<{ id: string; issuedOn: string | Date }>();
    return rows.map((row) => ({ id: row.id, issuedOn: calendarDateOf(row.issuedOn) }));
  }

  /** For bulk work: the ids of the organization's certificates in these statuses, in id order. */
  async idsWithStatus(
    organizationId: string,
    statuses: CertificateStatus[],
    manager: EntityManager = this.transactions.manager,
  ): Promise<string[]> {
    const rows = await this.certificates.findMany(manager, organizationId, {
      select: { id: true },
      where: { status: In(statuses) },
      order: { id: 'ASC' },
    });
    return rows.map((r) => r.id);
  }

  /** For other features: a certificate of this organization, or a 404. */
  getInOrganization(
    organizationId: string,
    id: string,
    manager: EntityManager = this.transactions.manager,
  ): Promise<Certificate> {
    return this.certificates.get(manager, organizationId, id);
  }

  /**
   * For set-based analyses (scope gaps): the organization's certificates of these
   * standards that have not expired by `today` and are active, suspended or withdrawn,
   * with only the columns such rules need loaded.
   */
  async listCurrentOfStandards(
    organizationId: string,
    standards: string[],
    today: string,
    manager: EntityManager = this.transactions.manager,
  ): Promise<CurrentCertificateColumns[]> {
    if (standards.length === 0) return [];
    // Plain rows: the gap analysis reads every current certificate of the organization, and
    // building entities of them cost more than the query (issue 17).
    const rows = await this.certificates
      .query(manager, organizationId, 'certificate')
      .select('certificate.id', 'id')
      .addSelect('certificate.factoryId', 'factoryId')
      .addSelect('certificate.standard', 'standard')
      .addSelect('certificate.certificateNumber', 'certificateNumber')
      .addSelect('certificate.certificationBody', 'certificationBody')
      .addSelect('certificate.accreditationBody', 'accreditationBody')
      .addSelect('certificate.status', 'status')
      .addSelect('certificate.scope', 'scope')
      .addSelect('certificate.productCategories', 'productCategories')
      .addSelect('certificate.expiresOn', 'expiresOn')
      .addSelect('certificate.nextSurveillanceAuditOn', 'nextSurveillanceAuditOn')
      .andWhere('certificate.expiresOn >= :today', { today })
      .andWhere('certificate.status IN (:...weighed)', { weighed: WEIGHED_STATUSES })
      .andWhere('certificate.standard IN (:...standards)', { standards })
      .getRawMany<RawCurrentCertificate>();
    // What hydration would do: simple-json is text on both databases, and PostgreSQL's
    // driver answers dates as Date objects.
    return rows.map((row) => ({
      ...row,
      productCategories: parseSimpleJson(row.productCategories),
      expiresOn: calendarDateOf(row.expiresOn),
      nextSurveillanceAuditOn:
        row.nextSurveillanceAuditOn === null ? null : calendarDateOf(row.nextSurveillanceAuditOn),
    }));
  }

  /**
   * For a factory's standing (audits): the active certificates of these factories that
   * have not expired by `today`, with only the columns the standing rule needs.
   */
  listActiveHeldBy(
    organizationId: string,
    factoryIds: string[],
    today: string,
  ): Promise<Pick<Certificate, 'id' | 'factoryId' | 'standard' | 'status' | 'expiresOn'>[]> {
    if (factoryIds.length === 0) return Promise.resolve([]);
    return this.certificates
      .query(this.transactions.manager, organizationId, 'certificate')
      .select([
        'certificate.id',
        'certificate.factoryId',
        'certificate.standard',
        'certificate.status',
        'certificate.expiresOn',
      ])
      .andWhere('certificate.factoryId IN (:...factoryIds)', {
        factoryIds: [...new Set(factoryIds)],
      })
      .andWhere("certificate.status = 'active'")
      .andWhere('certificate.expiresOn >= :today', { today })
      .getMany();
  }

  /**
   * For the CNCA re-application wait (agreements): a factory's suspended or withdrawn
   * certificates not superseded, with the time their row last changed.
   */
  listLapsedHeldBy(
    organizationId: string,
    factoryId: string,
    manager: EntityManager = this.transactions.manager,
  ): Promise<
    Pick<Certificate, 'id' | 'standard' | 'certificateNumber' | 'status' | 'updatedAt'>[]
  > {
    return this.certificates
      .query(manager, organizationId, 'certificate')
      .select([
        'certificate.id',
        'certificate.standard',
        'certificate.certificateNumber',
        'certificate.status',
        'certificate.updatedAt',
      ])
      .andWhere('certificate.factoryId = :factoryId', { factoryId })
      .andWhere("certificate.status IN ('suspended', 'withdrawn')")
      .andWhere('certificate.supersededById IS NULL')
      .getMany();
  }

  /**
   * For the verification reminder: one batch, in id order after `afterId`, of the
   * organization's active certificates in force on `today`, with only the columns that
   * rule and its notice need, as plain rows (this runs over every active certificate).
   */
  listActiveInForce(
    organizationId: string,
    options: {
      today: string;
      afterId: string;
      limit: number;
      /**
       * Only the certificates recorded before midnight of `day` (in the database session's
       * timezone), or that match `orMatching` (SQL on the alias "certificate"): a caller's
       * narrowing that may keep more rows than it needs, never fewer.
       */
      recordedBefore?: { day: string; orMatching?: string };
    },
    manager: EntityManager = this.transactions.manager,
  ): Promise<
    Pick<Certificate, 'id' | 'factoryId' | 'standard' | 'certificateNumber' | 'createdAt'>[]
  > {
    const query = this.certificates
      .query(manager, organizationId, 'certificate')
      .andWhere("certificate.status = 'active'")
      .andWhere('certificate.expiresOn >= :today', { today: options.today });
    const recorded = options.recordedBefore;
    if (recorded)
      query.andWhere(
        new Brackets((w) => {
          w.where('certificate.createdAt < :recordedBefore', { recordedBefore: recorded.day });
          if (recorded.orMatching) w.orWhere(recorded.orMatching);
        }),
      );
    return plainRows(
      query
        .andWhere('certificate.id > :afterId', { afterId: options.afterId })
        .orderBy('certificate.id', 'ASC')
        .limit(options.limit),
      ['id', 'factoryId', 'standard', 'certificateNumber', 'createdAt'],
    );
  }

  /**
   * For the surveillance clock (verification): one batch, in id order after `afterId`, of
   * the organization's active or suspended certificates in force on `today` and issued on
   * or before `issuedOnOrBefore` (younger ones cannot owe a surveillance audit yet), as
   * plain rows of the columns the clock reads.
   */
  listUnderSurveillance(
    organizationId: string,
    options: { today: string; issuedOnOrBefore: string; afterId: string; limit: number },
    manager: EntityManager = this.transactions.manager,
  ): Promise<
    Pick<
      Certificate,
      | 'id'
      | 'factoryId'
      | 'standard'
      | 'certificateNumber'
      | 'accreditationBody'
      | 'issuedOn'
      | 'expiresOn'
      | 'nextSurveillanceAuditOn'
      | 'createdAt'
    >[]
  > {
    return plainRows(
      this.certificates
        .query(manager, organizationId, 'certificate')
        .andWhere('certificate.status IN (:...inForce)', { inForce: LAPSING_STATUSES })
        .andWhere('certificate.supersededById IS NULL')
        .andWhere('certificate.expiresOn >= :today', { today: options.today })
        .andWhere('certificate.issuedOn <= :issuedOnOrBefore', {
          issuedOnOrBefore: options.issuedOnOrBefore,
        })
        .andWhere('certificate.id > :afterId', { afterId: options.afterId })
        .orderBy('certificate.id', 'ASC')
        .limit(options.limit),
      [
        'id',
        'factoryId',
        'standard',
        'certificateNumber',
        'accreditationBody',
        'issuedOn',
        'expiresOn',
        'nextSurveillanceAuditOn',
        'createdAt',
      ],
    );
  }

  async list(actor: Actor, query: CertificateQueryDto, today: string): Promise<Page<Certificate>> {
    const qb = this.certificates.query(
      this.transactions.reader,
      actor.organizationId,
      'certificate',
    );
    scopeToFactory(qb, actor, 'certificate.factoryId');
    if (query.factoryId === 'own') qb.andWhere('certificate.factoryId IS NULL');
    else if (query.factoryId)
      qb.andWhere('certificate.factoryId = :factoryId', { factoryId: query.factoryId });
    if (query.standard)
      qb.andWhere('certificate.standard = :standard', { standard: query.standard });
    // Statuses as in effect today (certificate-status.ts): an active or suspended
    // certificate past its last valid day is expired, whether or not the scan stored it.
    const voidStandards = this.voidStandards(today);
    const stillValid = new Brackets((w) => {
      w.where('certificate.expiresOn >= :today', { today });
      if (voidStandards.length > 0)
        w.andWhere('certificate.standard NOT IN (:...voidStandards)', { voidStandards });
    });
    if (query.status === 'expired') {
      qb.andWhere(
        new Brackets((w) =>
          w.where("certificate.status = 'expired'").orWhere(
            new Brackets((lapsed) => {
              lapsed
                .where('certificate.status IN (:...inForce)', { inForce: LAPSING_STATUSES })
                .andWhere(
                  new Brackets((past) => {
                    past.where('certificate.expiresOn < :today', { today });
                    if (voidStandards.length > 0)
                      past.orWhere('certificate.standard IN (:...voidStandards)', {
                        voidStandards,
                      });
                  }),
                );
            }),
          ),
        ),
      );
    } else if (query.status) {
      qb.andWhere('certificate.status = :status', { status: query.status });
      if (isInForce(query.status)) qb.andWhere(stillValid);
    }
    if (query.expiringWithinDays !== undefined) {
      qb.andWhere('certificate.expiresOn <= :until', {
        until: addDays(today, query.expiringWithinDays),
      });
      // Without an explicit status, only certificates that can still lapse are "expiring".
      if (!query.status) {
        qb.andWhere('certificate.status IN (:...inForce)', { inForce: LAPSING_STATUSES }).andWhere(
          stillValid,
        );
      } else if (query.status !== 'expired') {
        qb.andWhere('certificate.expiresOn >= :today', { today });
      }
    }
    if (query.surveillanceWithinDays !== undefined) {
      qb.andWhere('certificate.nextSurveillanceAuditOn IS NOT NULL').andWhere(
        'certificate.nextSurveillanceAuditOn <= :surveillanceUntil',
        { surveillanceUntil: addDays(today, query.surveillanceWithinDays) },
      );
    }
    if (query.verificationDue !== undefined) {
      const verified = await this.links.insights.get().verifiedIds(actor.organizationId, today);
      if (verified.length > 0)
        qb.andWhere(
          query.verificationDue
            ? 'certificate.id NOT IN (:...verified)'
            : 'certificate.id IN (:...verified)',
          { verified },
        );
      else if (!query.verificationDue) qb.andWhere('1 = 0');
    }
    if (query.q) {
      const like = `%${query.q.toLowerCase()}%`;
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('LOWER(certificate.certificateNumber) LIKE :like', { like })
            .orWhere('LOWER(certificate.scope) LIKE :like', { like }),
        ),
      );
    }
    // The page and its count side by side (getManyAndCount runs them one after the other).
    const [items, total] = await Promise.all([
      qb
        .clone()
        .orderBy('certificate.expiresOn', 'ASC')
        .addOrderBy('certificate.id', 'ASC')
        .skip((query.page - 1) * query.pageSize)
        .take(query.pageSize)
        .getMany(),
      qb.getCount(),
    ]);
    return pageOf(items, total, query);
  }

  /**
   * In a transaction of its own, or in the caller's when called inside `run` (an approved
   * submission applied with its decision).
   */
  create(actor: Actor, input: CreateCertificateDto): Promise<Certificate> {
    return this.transactions.run(async () => {
      this.checkStandard(input.standard);
      checkDates(input.issuedOn, input.expiresOn);
      if (input.status === 'superseded') throw CertificateErrors.supersededByRenewal();
      const factoryId = await this.checkFactory(actor, input.factoryId ?? null);
      const certificate = await this.insert(actor, {
        ...input,
        factoryId,
        status: input.status ?? 'active',
      });
      await this.audit.recordBy(
        actor,
        'certificate.created',
        'certificate',
        certificate.id,
        null,
        certificateSnapshot(certificate),
      );
      return certificate;
    });
  }

  /**
   * The checks `create` makes beyond the DTO's own validation, as field problems rather
   * than a thrown error: an import previews every row before anything is written.
   */
  inputProblems(input: CreateCertificateDto): FieldProblem[] {
    const problems: FieldProblem[] = [];
    if (!this.catalog.find(input.standard)) {
      problems.push({
        field: 'standard',
        message: CertificateErrors.unknownStandard(this.catalog.codes()).message,
        rule: 'knownStandard',
      });
    }
    if (input.expiresOn <= input.issuedOn) {
      problems.push({
        field: 'expiresOn',
        message: CertificateErrors.expiresBeforeIssued().message,
        rule: 'expiresAfterIssued',
      });
    }
    if (input.status === 'superseded') {
      problems.push({
        field: 'status',
        message: CertificateErrors.supersededByRenewal().message,
        rule: 'notSuperseded',
      });
    }
    return problems;
  }

  /**
   * For the calendar feed: the certificates the actor may see (a factory manager, their
   * factory's only) that are not superseded by a renewal.
   */
  listVisible(actor: Actor): Promise<Certificate[]> {
    const qb = this.certificates
      .query(this.transactions.manager, actor.organizationId, 'certificate')
      .andWhere("certificate.status <> 'superseded'");
    scopeToFactory(qb, actor, 'certificate.factoryId');
    return qb.orderBy('certificate.expiresOn', 'ASC').addOrderBy('certificate.id', 'ASC').getMany();
  }

  /** For imports: every certificate of the organization, to match rows by number and certification body. */
  listAll(
    organizationId: string,
    manager: EntityManager = this.transactions.manager,
  ): Promise<Certificate[]> {
    return this.certificates
      .query(manager, organizationId, 'certificate')
      .orderBy('certificate.createdAt', 'ASC')
      .getMany();
  }

  /**
   * Many new certificates at once, inside the caller's run() (an import commit): the
   * same checks as `create`, then one multi-row INSERT and one of audit events per
   * chunk, so that 50,000 rows do not cost 200,000 round trips.
   */
  async createMany(actor: Actor, inputs: CreateCertificateDto[]): Promise<string[]> {
    // An import is trader staff's: a factory manager sees no factory but their own.
    if (isFactoryManager(actor)) throw FactoryErrors.notFound();
    for (const input of inputs) {
      this.checkStandard(input.standard);
      checkDates(input.issuedOn, input.expiresOn);
      if (input.status === 'superseded') throw CertificateErrors.supersededByRenewal();
    }
    const factoryIds = [
      ...new Set(inputs.map((i) => i.factoryId).filter((id): id is string => !!id)),
    ];
    const found = await this.factories.findMany(actor.organizationId, factoryIds);
    if (found.length !== factoryIds.length) throw FactoryErrors.notFound();
    const manager = this.transactions.manager;
    const repo = this.certificates.repo(manager);
    const now = this.clock.now();
    const ids: string[] = [];
    for (let start = 0; start < inputs.length; start += CREATE_CHUNK) {
      const rows = inputs.slice(start, start + CREATE_CHUNK).map((input) =>
        repo.create({
          sites: [],
          productCategories: [],
          iafCodes: [],
          accreditationBody: null,
          nextSurveillanceAuditOn: null,
          ...input,
          factoryId: input.factoryId ?? null,
          status: input.status ?? 'active',
          organizationId: actor.organizationId,
          createdById: actor.userId,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await insertRows(manager, Certificate, rows);
      await this.audit.recordManyBy(
        actor,
        rows.map((certificate) => ({
          action: 'certificate.created',
          entityType: 'certificate',
          entityId: certificate.id,
          before: null,
          after: certificateSnapshot(certificate),
        })),
      );
      ids.push(...rows.map((r) => r.id));
    }
    return ids;
  }

  /** In a transaction of its own, or in the caller's when called inside `run` (an import commit). */
  update(actor: Actor, id: string, changes: UpdateCertificateDto): Promise<Certificate> {
    return this.transactions.run(async (manager) => {
      if (changes.standard !== undefined) this.checkStandard(changes.standard);
      if (changes.status === 'superseded') throw CertificateErrors.supersededByRenewal();
      const before = await this.get(actor, id);
      if (before.status === 'superseded') throw CertificateErrors.alreadySuperseded();
      const merged = { ...before, ...changes };
      checkDates(merged.issuedOn, merged.expiresOn);
      if (changes.factoryId !== undefined) {
        changes.factoryId = await this.checkFactory(actor, changes.factoryId);
      }
      await this.certificates.update(manager, actor.organizationId, { id }, changes);
      const after = await this.certificates.get(manager, actor.organizationId, id);
      await this.audit.recordBy(
        actor,
        'certificate.updated',
        'certificate',
        id,
        certificateSnapshot(before),
        certificateSnapshot(after),
      );
      return after;
    });
  }

  /**
   * The renewal is a new certificate; the old one becomes `superseded`, in the same
   * transaction (its own, or the caller's when called inside `run`: an approved renewal).
   */
  renew(
    actor: Actor,
    id: string,
    input: RenewCertificateDto,
  ): Promise<{ renewed: Certificate; previous: Certificate }> {
    return this.transactions.run(async (manager) => {
      if (input.standard !== undefined) this.checkStandard(input.standard);
      checkDates(input.issuedOn, input.expiresOn);
      const previous = await this.get(actor, id);
      if (previous.status === 'superseded') throw CertificateErrors.alreadySuperseded();
      const renewed = await this.insert(actor, {
        factoryId: previous.factoryId,
        standard: input.standard ?? previous.standard,
        certificateNumber: input.certificateNumber ?? previous.certificateNumber,
        certificationBody: input.certificationBody ?? previous.certificationBody,
        accreditationBody:
          input.accreditationBody !== undefined
            ? input.accreditationBody
            : previous.accreditationBody,
        scope: input.scope ?? previous.scope,
        sites: input.sites ?? previous.sites,
        productCategories: input.productCategories ?? previous.productCategories,
        iafCodes: input.iafCodes ?? previous.iafCodes,
        issuedOn: input.issuedOn,
        expiresOn: input.expiresOn,
        nextSurveillanceAuditOn: input.nextSurveillanceAuditOn ?? null,
        status: 'active',
        supersedesId: previous.id,
      });
      // Conditional, so that two renewals racing for the same certificate cannot both win.
      const result = await this.certificates.update(
        manager,
        actor.organizationId,
        { id: previous.id, status: Not('superseded') },
        { status: 'superseded', supersededById: renewed.id },
      );
      if (!result.affected) throw CertificateErrors.alreadySuperseded();
      const superseded = await this.certificates.get(manager, actor.organizationId, previous.id);
      await this.audit.recordBy(
        actor,
        'certificate.renewed',
        'certificate',
        renewed.id,
        null,
        certificateSnapshot(renewed),
      );
      await this.audit.recordBy(
        actor,
        'certificate.superseded',
        'certificate',
        previous.id,
        certificateSnapshot(previous),
        certificateSnapshot(superseded),
      );
      return { renewed, previous: superseded };
    });
  }

  remove(actor: Actor, id: string): Promise<void> {
    return this.transactions.run(async (manager) => {
      const certificate = await this.get(actor, id);
      await this.certificates.delete(manager, actor.organizationId, { id });
      if (certificate.supersedesId) await this.reinstate(actor, certificate);
      await this.audit.recordBy(
        actor,
        'certificate.deleted',
        'certificate',
        id,
        certificateSnapshot(certificate),
        null,
      );
    });
  }

  /**
   * Deleting a renewal (say, one entered by mistake) gives the certificate it replaced
   * back its place: otherwise that one would stay superseded, never to be renewed again.
   */
  private async reinstate(actor: Actor, renewal: Certificate): Promise<void> {
    const manager = this.transactions.manager;
    const previous = await this.certificates.find(
      manager,
      actor.organizationId,
      renewal.supersedesId as string,
    );
    if (!previous || previous.supersededById !== renewal.id) return;
    await this.certificates.update(
      manager,
      actor.organizationId,
      { id: previous.id },
      { status: 'active', supersededById: null },
    );
    const reinstated = await this.certificates.get(manager, actor.organizationId, previous.id);
    await this.audit.recordBy(
      actor,
      'certificate.reinstated',
      'certificate',
      previous.id,
      certificateSnapshot(previous),
      certificateSnapshot(reinstated),
    );
  }

  private async insert(actor: Actor, fields: Partial<Certificate>): Promise<Certificate> {
    const manager = this.transactions.manager;
    const certificate = await this.certificates.insert(manager, actor.organizationId, {
      sites: [],
      productCategories: [],
      iafCodes: [],
      accreditationBody: null,
      nextSurveillanceAuditOn: null,
      ...fields,
      organizationId: actor.organizationId,
      createdById: actor.userId,
      // "Recorded on" starts the 14 days to a first verification: it must come from the
      // same Clock as every other date rule, not from the database's own clock.
      createdAt: this.clock.now(),
    });
    return this.certificates.get(manager, actor.organizationId, certificate.id);
  }

  /** Editions whose certificates no longer count on `today` (their validUntil has passed). */
  private voidStandards(today: string): string[] {
    return this.catalog.codes().filter((code) => {
      const until = this.catalog.validUntil(code);
      return until !== null && until < today;
    });
  }

  private checkStandard(code: string): void {
    if (!this.catalog.find(code)) throw CertificateErrors.unknownStandard(this.catalog.codes());
  }

  private async checkFactory(actor: Actor, factoryId: string | null): Promise<string | null> {
    if (factoryId === null) {
      assertCanSee(actor, null, FactoryErrors.notFound);
      return null;
    }
    const factory = await this.factories.get(actor, factoryId);
    return factory.id;
  }
  /**
   * For the certificate reminder kinds: the organization's remindable certificates (in
   * force, or lapsed without a successor) that lie in any of `windows`, in batches by
   * keyset on id: one read that every kind shares, each picking its own rows from the
   * batch, so a scan never holds more than one batch. Raw rows: hydrating entities costs
   * more than the query at this volume.
   */
  async *remindableIn(
    organizationId: string,
    windows: DueWindow[],
    batchSize: number,
    manager: EntityManager = this.transactions.manager,
  ): AsyncGenerator<DueCertificate[]> {
    if (windows.length === 0) return;
    let after = '';
    for (;;) {
      const raw = await this.certificates
        .query(manager, organizationId, 'c')
        .select('c.id', 'id')
        .addSelect('c.factoryId', 'factoryId')
        .addSelect('c.standard', 'standard')
        .addSelect('c.certificateNumber', 'certificateNumber')
        .addSelect('c.expiresOn', 'expiresOn')
        .addSelect('c.nextSurveillanceAuditOn', 'nextSurveillanceAuditOn')
        .andWhere('c.status IN (:...statuses)', { statuses: REMINDABLE_STATUSES })
        .andWhere('c.supersededById IS NULL')
        .andWhere(
          new Brackets((any) => {
            windows.forEach((window, n) => any.orWhere(inWindow(window, n)));
          }),
        )
        .andWhere('c.id > :after', { after })
        .orderBy('c.id', 'ASC')
        .limit(batchSize)
        .getRawMany<RawDueCertificate>();
      if (raw.length === 0) return;
      yield raw.map(toDueCertificate);
      if (raw.length < batchSize) return;
      after = raw[raw.length - 1].id;
    }
  }
}

/**
 * A range of one date column (from = null: no lower bound, only a date at all), of some
 * standards or of all: what one certificate reminder kind looks at on the scan's day.
 */
export interface DueWindow {
  column: 'expiresOn' | 'nextSurveillanceAuditOn';
  from: string | null;
  to: string;
  standards?: string[];
}

/** Whether a row lies in the window: the same test as the SQL of inWindow. */
export function liesIn(row: DueCertificate, window: DueWindow): boolean {
  const date = row[window.column];
  if (date === null || date > window.to) return false;
  if (window.from !== null && date < window.from) return false;
  return !window.standards || window.standards.includes(row.standard);
}

function inWindow(window: DueWindow, n: number): Brackets {
  const column = `c.${window.column}`;
  return new Brackets((q) => {
    q.where(`${column} <= :to${n}`, { [`to${n}`]: window.to });
    if (window.from !== null) q.andWhere(`${column} >= :from${n}`, { [`from${n}`]: window.from });
    else q.andWhere(`${column} IS NOT NULL`);
    if (window.standards)
      q.andWhere(`c.standard IN (:...standards${n})`, { [`standards${n}`]: window.standards });
  });
}

/** Rows per multi-row INSERT: well under SQLite's and PostgreSQL's limits on bound parameters. */
const CREATE_CHUNK = 500;

function checkDates(issuedOn: string, expiresOn: string): void {
  if (expiresOn <= issuedOn) throw CertificateErrors.expiresBeforeIssued();
}

/** What the reminder kinds read of a certificate. */
export type DueCertificate = Pick<
  Certificate,
  'id' | 'factoryId' | 'standard' | 'certificateNumber' | 'expiresOn' | 'nextSurveillanceAuditOn'
>;

interface RawDueCertificate {
  id: string;
  factoryId: string | null;
  standard: string;
  certificateNumber: string;
  expiresOn: string | Date;
  nextSurveillanceAuditOn: string | Date | null;
}

function toDueCertificate(raw: RawDueCertificate): DueCertificate {
  return {
    id: raw.id,
    factoryId: raw.factoryId,
    standard: raw.standard,
    certificateNumber: raw.certificateNumber,
    expiresOn: calendarDateOf(raw.expiresOn),
    nextSurveillanceAuditOn: raw.nextSurveillanceAuditOn
      ? calendarDateOf(raw.nextSurveillanceAuditOn)
      : null,
  };
}
