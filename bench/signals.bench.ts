/**
 * Risk signals and verification states at scale: the cost the verification feature adds
 * to `GET /certificates` (a page of 200 with states and signals) and the cost of
 * `GET /signals` (every current certificate of the organization), each beside a baseline
 * that reads the same rows without the feature.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { BenchOptions, BenchReport } from './run';
import { startApp } from '../test/support/app';
import { signUp } from '../test/support/accounts';
import { Transactions } from '../src/database/transactions';
import { Certificate } from '../src/certificates/certificate.entity';
import { Factory } from '../src/factories/factory.entity';
import { CertificatesService } from '../src/certificates/certificates.service';
import { CertificateVerification } from '../src/verification/verification.entity';
import type { Actor } from '../src/common/actor';

const RUNS = 5;

async function median(work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)];
}

async function seed(
  transactions: Transactions,
  organizationId: string,
  certificates: number,
  sharedNumbers: string[],
): Promise<void> {
  await transactions.run(async (manager) => {
    const factories: Factory[] = [];
    for (let i = 0; i < 50; i++) {
      factories.push(
        manager.getRepository(Factory).create({
          organizationId,
          name: `Bench factory ${i}`,
          country: 'CN',
          productCategories: i % 2 ? ['valves'] : ['pumps'],
          status: 'active',
        }),
      );
    }
    await manager.getRepository(Factory).insert(factories);
    const rows: Certificate[] = [];
    const checks: CertificateVerification[] = [];
    for (let i = 0; i < certificates; i++) {
      const certificate = manager.getRepository(Certificate).create({
        organizationId,
        factoryId: factories[i % factories.length].id,
        standard: i % 10 === 0 ? 'ISO 9001:2008' : 'ISO 9001:2015',
        certificateNumber: sharedNumbers[i] ?? `B-${randomBytes(5).toString('hex')}`,
        certificationBody: 'CQC',
        accreditationBody: i % 7 === 0 ? 'Unknown Accreditation Ltd' : 'CNAS',
        scope: 'Manufacture of industrial valves',
        sites: [],
        productCategories: ['valves'],
        iafCodes: [18],
        issuedOn: '2025-03-01',
        expiresOn: '2028-02-28',
        nextSurveillanceAuditOn: '2026-02-15',
        status: 'active',
      });
      rows.push(certificate);
      if (i % 2 === 0) {
        checks.push(
          manager.getRepository(CertificateVerification).create({
            organizationId,
            certificateId: certificate.id,
            method: 'manual',
            result: 'confirmed',
            checkedOn: '2026-05-01',
            source: 'manual',
          }),
        );
      }
    }
    for (let i = 0; i < rows.length; i += 200) {
      await manager.getRepository(Certificate).insert(rows.slice(i, i + 200));
    }
    for (let i = 0; i < checks.length; i += 200) {
      await manager.getRepository(CertificateVerification).insert(checks.slice(i, i + 200));
    }
  });
}

export default async function bench(options: BenchOptions): Promise<BenchReport> {
  process.env.TEST_DATABASE = options.database;
  const count = Math.round(2000 * options.scale);
  // Every run computes the answers: kept answers (ReportCache) would time a memory read.
  const t = await startApp({ env: { REPORT_CACHE_MS: '0' } });
  try {
    t.clock.set('2026-06-01T04:00:00Z');
    const org = await signUp(t);
    const other = await signUp(t);
    const transactions = t.app.get(Transactions);
    const shared = Array.from({ length: 100 }, (_, i) => `SHARED-${i}`);
    await seed(transactions, org.organizationId, count, shared);
    await seed(transactions, other.organizationId, count, shared);

    const certificates = t.app.get(CertificatesService);
    const actor: Actor = {
      userId: org.userId,
      organizationId: org.organizationId,
      role: 'admin',
      factoryId: null,
      email: org.email,
      name: 'Bench',
      locale: null,
    };
    const page = { page: 1, pageSize: 200 };
    const plainPage = await median(() => certificates.list(actor, page, '2026-06-01'));
    const withInsights = await median(() =>
      t.http().get('/api/v1/certificates?pageSize=200').set(org.auth).expect(200),
    );
    const readAll = await median(() =>
      transactions.manager
        .getRepository(Certificate)
        .find({ where: { organizationId: org.organizationId } }),
    );
    let total = 0;
    const signals = await median(async () => {
      const response = await t.http().get('/api/v1/signals?pageSize=50').set(org.auth).expect(200);
      total = (response.body as { total: number }).total;
    });
    const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}x`;
    return {
      name: 'signals',
      lines: [
        `${count} certificates per organization, two organizations sharing 100 numbers; median of ${RUNS} runs`,
        `GET /certificates?pageSize=200 with states and signals: ${withInsights.toFixed(1)} ms ` +
          `(baseline CertificatesService.list of 200: ${plainPage.toFixed(1)} ms, ${ratio(withInsights, plainPage)})`,
        `GET /signals over all ${count} certificates (${total} signals): ${signals.toFixed(1)} ms ` +
          `(baseline reading the ${count} rows: ${readAll.toFixed(1)} ms, ${ratio(signals, readAll)})`,
      ],
    };
  } finally {
    await t.close();
  }
}
