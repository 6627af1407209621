/**
 * What the duplicate-document flag costs. Listing a certificate's documents also looks
 * up, across every organization, where copies of the same SHA-256 sit
 * (IDX_documents_sha256). Baseline: the same list without the flags.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { databaseConfigFrom } from '../src/config/configuration';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { ReportCache } from '../src/database/report-cache';
import { Transactions } from '../src/database/transactions';
import { CertificateDocument } from '../src/documents/document.entity';
import { DocumentsService } from '../src/documents/documents.service';
import { createTestDatabase } from '../test/support/test-database';
import type { BenchOptions, BenchReport } from './run';

const ORGANIZATIONS = 20;
const FACTORIES_PER_ORGANIZATION = 10;
const CERTIFICATES_PER_FACTORY = 5;
const ROUNDS = 200;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function insertChunked(dataSource: DataSource, table: string, rows: Record<string, unknown>[], chunk: number) {
  for (let i = 0; i < rows.length; i += chunk) {
    await dataSource.createQueryBuilder().insert().into(table).values(rows.slice(i, i + chunk)).execute();
  }
}

/** The timestamp columns are adapted to the database when the options are built: every entity must be loaded by then. */
function loadEntities(): void {
  const src = join(__dirname, '..', 'src');
  for (const file of readdirSync(src, { recursive: true }) as string[]) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    if (file.endsWith('.entity.ts')) require(join(src, file));
  }
}

export default async function documentsBench(options: BenchOptions): Promise<BenchReport> {
  loadEntities();
  const database = await createTestDatabase(options.database);
  const dataSource = new DataSource(buildDataSourceOptions(databaseConfigFrom(database.url)));
  await dataSource.initialize();
  try {
    const chunk = options.database === 'sqlite' ? 40 : 500;
    const documentsPerCertificate = Math.max(1, Math.round(20 * options.scale));
    const organizations = Array.from({ length: ORGANIZATIONS }, (_, i) => ({ id: randomUUID(), name: `Org ${i}`, timezone: 'Asia/Shanghai', locale: 'en' }));
    await insertChunked(dataSource, 'organizations', organizations, chunk);
    const factories = organizations.flatMap((o) =>
      Array.from({ length: FACTORIES_PER_ORGANIZATION }, (_, i) => ({
        id: randomUUID(), organizationId: o.id, name: `Factory ${i}`, country: 'CN', address: 'x', businessScope: 'x', productCategories: '[]', status: 'active',
      })),
    );
    await insertChunked(dataSource, 'factories', factories, chunk);
    const certificates = factories.flatMap((f) =>
      Array.from({ length: CERTIFICATES_PER_FACTORY }, (_, i) => ({
        id: randomUUID(), organizationId: f.organizationId, factoryId: f.id, standard: 'ISO 9001:2015', certificateNumber: `N${i}`,
        certificationBody: 'CQC', scope: 'x', sites: '[]', productCategories: '[]', iafCodes: '[]', issuedOn: '2025-01-01', expiresOn: '2028-01-01', status: 'active',
      })),
    );
    await insertChunked(dataSource, 'certificates', certificates, chunk);
    // One file in twenty is shared with a certificate of another organization.
    const documents = certificates.flatMap((c, ci) =>
      Array.from({ length: documentsPerCertificate }, (_, v) => {
        const shared = v % 20 === 0;
        const seed = shared ? `shared-${v}-${ci % 50}` : randomUUID();
        return {
          id: randomUUID(), organizationId: c.organizationId, factoryId: c.factoryId, certificateId: c.id, fileName: 'c.pdf',
          contentType: 'application/pdf', size: 1000, sha256: createHash('sha256').update(seed).digest('hex'), storageKey: `k/${ci}/${v}`, version: v + 1,
        };
      }),
    );
    await insertChunked(dataSource, 'documents', documents, chunk);

    const transactions = new Transactions(dataSource, new ReportCache(dataSource, { reportCacheMs: 0 } as never));
    // Only the read path is measured: the other collaborators are not touched.
    const service = new DocumentsService(transactions, null as never, null as never, null as never);
    const repo = dataSource.getRepository(CertificateDocument);
    const plain: number[] = [];
    const flagged: number[] = [];
    let flags = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const certificate = certificates[(round * 7919) % certificates.length];
      const where = { organizationId: certificate.organizationId, certificateId: certificate.id };
      let start = performance.now();
      await repo.find({ where, order: { version: 'DESC', id: 'ASC' } });
      plain.push(performance.now() - start);
      start = performance.now();
      const rows = await repo.find({ where, order: { version: 'DESC', id: 'ASC' } });
      const withFlags = await service['withFlags'](rows);
      flagged.push(performance.now() - start);
      flags += withFlags.filter((d) => d.duplicate.flagged).length;
    }
    const base = median(plain);
    const measured = median(flagged);
    return {
      name: 'documents: duplicate flags on a certificate document list',
      lines: [
        `${documents.length} documents, ${documentsPerCertificate} per certificate, ${ROUNDS} lists (${flags} flagged documents seen)`,
        `list without flags (baseline): median ${base.toFixed(2)} ms`,
        `list with duplicate flags:     median ${measured.toFixed(2)} ms (${(measured / base).toFixed(2)}x)`,
      ],
    };
  } finally {
    await dataSource.destroy();
    await database.drop();
  }
}
