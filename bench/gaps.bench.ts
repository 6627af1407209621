/**
 * GET /gaps for an organization with 1,000 factories, 10,000 certificates and 200 buyers
 * with 5 requirements each (times BENCH_SCALE), against a baseline measured in the same
 * run: one indexed query loading the same organization's certificates.
 */
import type { Actor } from '../src/common/actor';
import { Buyer } from '../src/buyers/buyer.entity';
import { Requirement } from '../src/buyers/requirement.entity';
import { Certificate } from '../src/certificates/certificate.entity';
import { Transactions } from '../src/database/transactions';
import { Factory } from '../src/factories/factory.entity';
import { GapQueryDto } from '../src/gaps/dto/gap.dto';
import { GapsService } from '../src/gaps/gaps.service';
import { OrganizationsService } from '../src/organizations/organizations.service';
import { startApp } from '../test/support/app';
import { createTestDatabase } from '../test/support/test-database';
import type { BenchOptions, BenchReport } from './run';

const STANDARDS = ['ISO 9001:2015', 'ISO 14001:2015', 'ISO 45001:2018'];
const CATEGORIES = Array.from({ length: 400 }, (_, i) => `category-${i}`);
const RUNS = 7;

/** A deterministic pseudo-random sequence, so every run builds the same data. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export default async function bench(options: BenchOptions): Promise<BenchReport> {
  const database = await createTestDatabase(options.database);
  // Every run computes the analysis: kept answers (ReportCache) would time a memory read.
  const t = await startApp({ database, env: { REPORT_CACHE_MS: '0' } });
  t.clock.set('2026-06-01T02:00:00Z');
  try {
    const transactions = t.app.get(Transactions);
    const counts = {
      factories: 1000 * options.scale,
      certificates: 10_000 * options.scale,
      buyers: 200 * options.scale,
      requirementsPerBuyer: 5,
    };
    const next = random(42);
    const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];

    const organization = await transactions.run(() =>
      t.app.get(OrganizationsService).create({
        name: 'Bench Trading',
        businessScope: '货物进出口；五金产品批发',
      }),
    );
    const organizationId = organization.id;
    const factories = Array.from({ length: counts.factories }, (_, i) => {
      const factory = new Factory();
      Object.assign(factory, {
        organizationId,
        name: `Factory ${i}`,
        country: 'CN',
        city: null,
        address: null,
        licenseNumber: null,
        businessScope: '制造',
        contactEmail: null,
        productCategories: [pick(CATEGORIES), pick(CATEGORIES), pick(CATEGORIES)],
        status: 'active',
      });
      return factory;
    });
    const certificates = Array.from({ length: counts.certificates }, (_, i) => {
      const factory = i % 50 === 0 ? null : factories[i % factories.length];
      const category = factory ? pick(factory.productCategories) : pick(CATEGORIES);
      const certificate = new Certificate();
      const expires = `2026-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-15`;
      Object.assign(certificate, {
        organizationId,
        factoryId: factory?.id ?? null,
        standard: pick(STANDARDS),
        certificateNumber: `B-${i}`,
        certificationBody: 'Bench Certification',
        accreditationBody: 'CNAS',
        scope: next() < 0.2 ? `Manufacture of ${category}` : 'Manufacture of hardware',
        sites: ['Ningbo'],
        productCategories: next() < 0.4 ? [category] : [],
        iafCodes: [17],
        issuedOn: '2024-01-01',
        expiresOn: next() < 0.8 ? expires.replace('2026', '2027') : expires,
        nextSurveillanceAuditOn: next() < 0.5 ? '2026-07-01' : null,
        status: next() < 0.95 ? 'active' : 'suspended',
        supersedesId: null,
        supersededById: null,
        createdById: null,
      });
      return certificate;
    });
    const buyers = Array.from({ length: counts.buyers }, (_, i) => {
      const buyer = new Buyer();
      Object.assign(buyer, {
        organizationId,
        name: `Buyer ${i}`,
        country: 'DE',
        contactEmail: null,
        notes: null,
      });
      return buyer;
    });
    const requirements = buyers.flatMap((buyer) => {
      const seen = new Set<string>();
      const list: Requirement[] = [];
      while (list.length < counts.requirementsPerBuyer) {
        const standard = pick(STANDARDS);
        const productCategory = pick(CATEGORIES);
        if (seen.has(`${standard}|${productCategory}`)) continue;
        seen.add(`${standard}|${productCategory}`);
        const requirement = new Requirement();
        Object.assign(requirement, {
          organizationId,
          buyerId: buyer.id,
          standard,
          productCategory,
        });
        list.push(requirement);
      }
      return list;
    });

    await transactions.run(async (manager) => {
      for (const [entity, rows] of [
        [Factory, factories],
        [Certificate, certificates],
        [Buyer, buyers],
        [Requirement, requirements],
      ] as const) {
        for (let i = 0; i < rows.length; i += 100)
          await manager.getRepository(entity).insert(rows.slice(i, i + 100) as never);
      }
    });

    const gaps = t.app.get(GapsService);
    const actor: Actor = {
      userId: 'bench',
      organizationId,
      role: 'admin',
      factoryId: null,
      email: 'bench@example.com',
      name: 'Bench',
      locale: null,
    };
    const query = Object.assign(new GapQueryDto(), { page: 1, pageSize: 50 });
    const baselineQuery = () =>
      transactions.manager
        .getRepository(Certificate)
        .createQueryBuilder('certificate')
        .where('certificate.organizationId = :organizationId', { organizationId })
        .getMany();

    const first = await gaps.gaps(actor, query);
    await baselineQuery();
    const gapTimes: number[] = [];
    const baselineTimes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      baselineTimes.push(await timed(baselineQuery));
      gapTimes.push(await timed(() => gaps.gaps(actor, query)));
    }
    const gapMs = median(gapTimes);
    const baselineMs = median(baselineTimes);
    return {
      name: 'gaps',
      lines: [
        `data: ${counts.factories} factories, ${counts.certificates} certificates, ${counts.buyers} buyers x ${counts.requirementsPerBuyer} requirements; ${first.total} gaps found`,
        `GET /gaps (GapsService.gaps, median of ${RUNS}): ${gapMs.toFixed(1)} ms`,
        `baseline, one indexed query loading the organization's ${counts.certificates} certificates (median of ${RUNS}): ${baselineMs.toFixed(1)} ms`,
        `ratio: ${(gapMs / baselineMs).toFixed(2)}x`,
      ],
    };
  } finally {
    await t.close();
    await database.drop();
  }
}
