/**
 * What the computed at-risk flag costs. "At risk" depends on today, so it is not stored:
 * GET /agreements?atRisk=true reads every open agreement of the organization with its
 * milestones (in batches of 500) and pages through the matches in memory. Baseline: the
 * plain SQL-paged list of the same organization. Also times the daily scan's prepare (lapse)
 * and scan passes over the same data.
 */
import { performance } from 'node:perf_hooks';
import { AgreementReminderSource } from '../src/agreements/agreement-reminder.source';
import { AgreementLapseStep } from '../src/agreements/agreement-lapse.step';
import { Agreement } from '../src/agreements/agreement.entity';
import { Milestone } from '../src/agreements/milestone.entity';
import { PlanTemplates } from '../src/agreements/plan-templates';
import { schedulePlan } from '../src/agreements/plan-schedule';
import { Transactions } from '../src/database/transactions';
import { makeFactory } from '../test/factories';
import { signUp } from '../test/support/accounts';
import { startApp } from '../test/support/app';
import { createTestDatabase } from '../test/support/test-database';
import type { BenchOptions, BenchReport } from './run';

const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  await work(); // warm up
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export default async function agreementsBench(options: BenchOptions): Promise<BenchReport> {
  const count = Math.round(2000 * options.scale);
  const database = await createTestDatabase(options.database);
  const t = await startApp({ database, env: { LOG_LEVEL: 'error' } });
  try {
    t.clock.set('2027-03-01T04:00:00Z');
    const admin = await signUp(t);
    const factory = await t.http().post('/api/v1/factories').set(admin.auth).send(makeFactory());
    const factoryId = factory.body.id as string;
    const template = t.app.get(PlanTemplates).find('standard-6m')!;

    // Seed directly: a spread of start dates so that some are on track, some at risk.
    const transactions = t.app.get(Transactions);
    for (let offset = 0; offset < count; offset += 200) {
      await transactions.run(async (manager) => {
        const agreements: Agreement[] = [];
        const milestones: Milestone[] = [];
        for (let i = offset; i < Math.min(count, offset + 200); i++) {
          const startsOn = `2026-${String(1 + (i % 12)).padStart(2, '0')}-15`;
          const agreement = manager.create(Agreement, {
            organizationId: admin.organizationId,
            factoryId,
            kind: 'certification_cooperation',
            title: `Agreement ${i}`,
            standards: ['ISO 9001:2015'],
            productCategories: [],
            startsOn,
            targetOn: `2027-${String(1 + (i % 12)).padStart(2, '0')}-15`,
            status: i % 5 === 0 ? 'signed' : 'in_progress',
            notes: null,
            planTemplateId: template.id,
            certificateId: null,
            createdById: admin.userId,
          });
          agreements.push(agreement);
          for (const step of schedulePlan(template, startsOn)) {
            milestones.push(
              manager.create(Milestone, {
                organizationId: admin.organizationId,
                agreementId: agreement.id,
                name: step.name,
                owner: step.owner,
                dueOn: step.dueOn,
                completedOn: step.position < i % 9 ? step.dueOn : null,
                status: step.position < i % 9 ? 'done' : 'pending',
                plannedDays: step.plannedDays,
                position: step.position,
                templateKey: step.key,
              }),
            );
          }
        }
        await manager.insert(Agreement, agreements);
        for (let m = 0; m < milestones.length; m += 100) {
          await manager.insert(Milestone, milestones.slice(m, m + 100));
        }
      });
    }

    const list = (query: string) =>
      t.http().get(`/api/v1/agreements?pageSize=50${query}`).set(admin.auth).expect(200);
    const atRiskTotal = (await list('&atRisk=true')).body.total as number;
    const plain = await time(() => list(''));
    const filtered = await time(() => list('&atRisk=true'));
    const source = t.app.get(AgreementReminderSource);
    const context = {
      organizationId: admin.organizationId,
      today: '2027-03-01',
      manager: transactions.manager,
      batchSize: 500,
      policy: {
        thresholdsDays: [90, 60, 30, 14, 7, 1],
        sendHour: 9,
        timezone: 'Asia/Shanghai',
        locale: 'en',
        escalateAfterDays: 7,
        overdueRepeatDays: 7,
        unassignedRecipients: 'admins' as const,
      },
    };
    let notices = 0;
    const scan = await time(async () => {
      notices = 0;
      for await (const batch of source.scan(context)) notices += batch.length;
    });
    const lapseStart = performance.now();
    await t.app.get(AgreementLapseStep).run(context);
    const lapseMs = performance.now() - lapseStart;
    const lapsedCount = await transactions.manager
      .getRepository(Agreement)
      .count({ where: { organizationId: admin.organizationId, status: 'lapsed' } });

    return {
      name: 'agreements',
      lines: [
        `${count} agreements x 9 milestones; ${atRiskTotal} at risk on 2027-03-01`,
        `GET /agreements (page of 50, SQL paging): ${plain.toFixed(1)} ms (baseline)`,
        `GET /agreements?atRisk=true (page of 50, all open read and assessed): ${filtered.toFixed(1)} ms (${(filtered / plain).toFixed(1)}x baseline)`,
        `reminder scan, one pass (${notices} notices): ${scan.toFixed(1)} ms (${(scan / plain).toFixed(1)}x baseline)`,
        `prepare (lapse ${lapsedCount} agreements, in transactions of 100): ${lapseMs.toFixed(1)} ms`,
      ],
    };
  } finally {
    await t.close();
  }
}
