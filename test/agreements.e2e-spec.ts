import { AgreementReminderSource } from '../src/agreements/agreement-reminder.source';
import { AgreementLapseStep } from '../src/agreements/agreement-lapse.step';
import { Certificate } from '../src/certificates/certificate.entity';
import { Transactions } from '../src/database/transactions';
import { addFactoryManager, makeAgreement } from './factories/agreements';
import { createCertificate, createFactory } from './factories';
import { Account, addStaff, signUp } from './support/accounts';
import { startApp, TestApp } from './support/app';
import { withInvalid } from './factories/bodies';

interface Milestone {
  id: string;
  name: string;
  dueOn: string;
  status: string;
  completedOn: string | null;
  templateKey: string | null;
  plannedDays: number;
}

describe('agreements and their certification plans', () => {
  let t: TestApp;
  let admin: Account;
  let factoryId: string;

  beforeAll(async () => {
    t = await startApp();
    admin = await signUp(t);
    factoryId = await newFactory(admin);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    // noon in Shanghai (the organization's timezone) on 2027-01-20
    t.clock.set('2027-01-20T04:00:00Z');
  });

  async function newFactory(account: Account, overrides: Record<string, unknown> = {}) {
    return (await createFactory(t, account, overrides)).id;
  }

  async function create(account: Account, overrides: Record<string, unknown> = {}) {
    const response = await t
      .http()
      .post('/api/v1/agreements')
      .set(account.auth)
      .send(withInvalid(makeAgreement({ factoryId }), overrides));
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    return response.body;
  }

  function move(account: Account, id: string, status: string) {
    return t.http().patch(`/api/v1/agreements/${id}`).set(account.auth).send({ status });
  }

  async function moveAlong(id: string, statuses: string[]) {
    for (const status of statuses) await move(admin, id, status).expect(200);
  }

  async function auditActions(entityType: string, entityId: string): Promise<string[]> {
    const response = await t
      .http()
      .get('/api/v1/audit-events')
      .query({ entityType, entityId, pageSize: 200 })
      .set(admin.auth)
      .expect(200);
    // timestamps may tie within a second on SQLite: compare the set of actions, not their order
    return (response.body.items as { action: string }[]).map((e) => e.action).sort();
  }

  describe('plan templates', () => {
    it('lists the 3-month fast track and the 6-month standard plan', async () => {
      const response = await t.http().get('/api/v1/plan-templates').set(admin.auth).expect(200);
      const ids = (response.body.items as { id: string }[]).map((p) => p.id);
      expect(ids).toEqual(expect.arrayContaining(['fast-track-3m', 'standard-6m']));
      const standard = response.body.items.find((p: { id: string }) => p.id === 'standard-6m');
      expect(standard.months).toBe(6);
      expect(standard.milestones).toHaveLength(9);
      expect(standard.milestones[0]).toMatchObject({
        key: 'gap_analysis',
        owner: 'trader',
        offset: { months: 0, days: 14 },
      });
    });

    it('previews due dates from a month-end start', async () => {
      const response = await t
        .http()
        .get('/api/v1/plan-templates?startsOn=2027-01-31')
        .set(admin.auth)
        .expect(200);
      const standard = response.body.items.find((p: { id: string }) => p.id === 'standard-6m');
      expect(standard.targetOn).toBe('2027-07-31');
      expect(standard.milestones[1]).toMatchObject({ key: 'documentation', dueOn: '2027-02-28' });
      const bad = await t
        .http()
        .get('/api/v1/plan-templates?startsOn=2027-02-30')
        .set(admin.auth)
        .expect(400);
      expect(bad.body.details[0].field).toBe('startsOn');
    });
  });

  describe('creating', () => {
    it('creates a draft agreement from a template, with milestones due from startsOn', async () => {
      const agreement = await create(admin, { startsOn: '2027-01-31', plan: 'standard-6m' });
      expect(agreement).toMatchObject({
        factoryId,
        kind: 'certification_cooperation',
        status: 'draft',
        startsOn: '2027-01-31',
        targetOn: '2027-07-31',
        plan: 'standard-6m',
        standards: ['ISO 9001:2015'],
        certificateId: null,
        allowedNextStatuses: ['negotiating', 'terminated'],
        progress: { done: 0, total: 9, skipped: 0 },
        atRisk: false,
        atRiskReason: null,
        warnings: [],
      });
      const milestones = agreement.milestones as Milestone[];
      expect(milestones.map((m) => [m.templateKey, m.dueOn])).toEqual([
        ['gap_analysis', '2027-02-14'],
        ['documentation', '2027-02-28'], // 31 January + 1 month
        ['implementation_records', '2027-04-30'],
        ['internal_audit', '2027-05-21'],
        ['management_review', '2027-05-31'],
        ['certification_body_application', '2027-06-07'],
        ['stage_1_audit', '2027-06-21'],
        ['stage_2_audit', '2027-07-14'],
        ['certificate_issued', '2027-07-31'],
      ]);
      expect(milestones.every((m) => m.status === 'pending' && m.completedOn === null)).toBe(true);
      expect(agreement.nextMilestone).toMatchObject({
        name: 'Gap analysis',
        dueOn: '2027-02-14',
        daysLeft: 25,
      });

      const fetched = await t
        .http()
        .get(`/api/v1/agreements/${agreement.id}`)
        .set(admin.auth)
        .expect(200);
      expect(fetched.body.milestones).toHaveLength(9);
      expect(await auditActions('agreement', agreement.id)).toEqual(['agreement.created']);
      expect(await auditActions('milestone', milestones[0].id)).toEqual(['milestone.created']);
    });

    it('schedules a fast track over a leap day', async () => {
      const agreement = await create(admin, { startsOn: '2027-11-30', plan: 'fast-track-3m' });
      expect(agreement.targetOn).toBe('2028-02-29');
      const last = (agreement.milestones as Milestone[]).at(-1)!;
      expect(last).toMatchObject({ templateKey: 'certificate_issued', dueOn: '2028-02-29' });
    });

    // CNCA-OHSMS-01:2026, 5.1.2 (3): the OH&S system runs 3 months before the application
    it('warns, citing the rule, when the fast track applies for ISO 45001 too early', async () => {
      const fast = await create(admin, {
        startsOn: '2027-02-01',
        plan: 'fast-track-3m',
        standards: ['ISO 45001:2018'],
      });
      expect(fast.warnings).toEqual([
        expect.objectContaining({
          code: 'PLAN_BREAKS_PRECONDITION',
          field: 'plan',
          rule: 'CNCA-OHSMS-01:2026, 5.1.2 (3)',
        }),
      ]);
      expect(fast.warnings[0].messageZh).toContain('职业健康安全管理体系须运行满三个月');
      const again = await t.http().get(`/api/v1/agreements/${fast.id}`).set(admin.auth).expect(200);
      expect(again.body.warnings).toHaveLength(1);
      const usual = await create(admin, {
        startsOn: '2027-02-01',
        plan: 'standard-6m',
        standards: ['ISO 45001:2018'],
      });
      expect(usual.warnings).toEqual([]);
    });

    // CNCA-OHSMS-01:2026, 5.1.2 (4) and CNCA-QMS-01:2025, 5.1.2 (4): a year's wait after a
    // suspension or revocation the factory caused
    it('warns that a factory whose certificate was suspended within the year cannot apply yet', async () => {
      const suspendedFactory = await newFactory(admin);
      const certificate = await createCertificate(t, admin, {
        factoryId: suspendedFactory,
        standard: 'ISO 45001:2018',
        status: 'suspended',
        certificateNumber: 'OHS-SUSPENDED-1',
      });
      // the row's own change time says when the status was recorded (the database's clock)
      await t.app.get(Transactions).run((manager) =>
        manager
          .createQueryBuilder()
          .update(Certificate)
          .set({ updatedAt: new Date('2027-01-20T04:00:00Z') })
          .where('id = :id', { id: certificate.id })
          .execute(),
      );
      const agreement = await create(admin, {
        factoryId: suspendedFactory,
        startsOn: '2027-02-01',
        plan: 'standard-6m',
        standards: ['ISO 45001:2018'],
      });
      expect(agreement.warnings).toEqual([
        expect.objectContaining({
          code: 'FACTORY_CANNOT_APPLY_YET',
          field: 'factoryId',
          rule: 'CNCA-OHSMS-01:2026, 5.1.2 (4)',
        }),
      ]);
      expect(agreement.warnings[0].message).toContain(
        'OHS-SUSPENDED-1 was recorded as suspended on 2027-01-20: if that was caused by the factory itself, it cannot apply for certification again before 2028-01-20',
      );
      expect(agreement.warnings[0].messageZh).toContain('2028-01-20 起方可再次申请认证');
      // another standard's agreement with the same factory is not held back
      const quality = await create(admin, {
        factoryId: suspendedFactory,
        startsOn: '2027-02-01',
        plan: 'standard-6m',
        standards: ['ISO 9001:2015'],
      });
      expect(quality.warnings).toEqual([]);
      t.clock.set('2028-01-20T04:00:00Z');
      const later = await t
        .http()
        .get(`/api/v1/agreements/${agreement.id}`)
        .set(admin.auth)
        .expect(200);
      expect(later.body.warnings).toEqual([]);
    });

    it('accepts a target outside 3 to 6 months, with a warning', async () => {
      const soon = await create(admin, {
        startsOn: '2027-02-01',
        targetOn: '2027-03-15',
        plan: 'fast-track-3m',
        standards: ['ISO 14001:2015'], // no CNCA 3-month rule found for it (see below)
      });
      expect(soon.warnings).toEqual([
        expect.objectContaining({ code: 'TARGET_TOO_SOON', field: 'targetOn' }),
      ]);
      expect(soon.warnings[0].message).toContain('less than 3 months after startsOn');
      // a 3-month plan squeezed into 6 weeks cannot fit at its pace
      expect(soon.atRisk).toBe(true);
      expect(soon.atRiskReason).toMatchObject({
        code: 'PLAN_CANNOT_FIT',
        projectedFinishOn: '2027-05-01',
      });

      const late = await create(admin, {
        startsOn: '2027-02-01',
        targetOn: '2027-09-01',
        plan: undefined,
      });
      expect(late.warnings.map((w: { code: string }) => w.code)).toEqual(['TARGET_TOO_LATE']);
      expect(late.milestones).toEqual([]);
      expect(late.progress).toEqual({ done: 0, total: 0, skipped: 0 });
    });

    it('lets a scope expansion have no factory', async () => {
      const agreement = await create(admin, {
        kind: 'scope_expansion',
        factoryId: null,
        standards: ['ISO 9001:2015', 'ISO 14001:2015'],
      });
      expect(agreement).toMatchObject({ kind: 'scope_expansion', factoryId: null });
    });

    it.each([
      [{ title: '' }, 'title'],
      [{ kind: 'partnership' }, 'kind'],
      [{ startsOn: '2027-02-30' }, 'startsOn'],
      [{ targetOn: '31/07/2027' }, 'targetOn'],
      [{ standards: [] }, 'standards'],
      [{ standards: 'ISO 9001:2015' }, 'standards'],
      [{ productCategories: [1] }, 'productCategories'],
      [{ plan: 'overnight' }, 'plan'],
      [{ factoryId: null }, 'factoryId'],
      [{ plan: undefined, targetOn: undefined }, 'targetOn'],
      [{ targetOn: '2027-01-31' }, 'targetOn'],
      [{ status: 'signed' }, 'status'],
    ])('refuses %p with a 400 naming %s', async (overrides, field) => {
      const response = await t
        .http()
        .post('/api/v1/agreements')
        .set(admin.auth)
        .send(withInvalid(makeAgreement({ factoryId }), overrides))
        .expect(400);
      expect((response.body.details as { field: string }[]).map((d) => d.field)).toContain(field);
    });

    it('names the known codes for an unknown standard', async () => {
      const response = await t
        .http()
        .post('/api/v1/agreements')
        .set(admin.auth)
        .send(makeAgreement({ factoryId, standards: ['ISO 9001:2015', 'ISO 9999'] }))
        .expect(400);
      expect(response.body.code).toBe('AGREEMENT.UNKNOWN_STANDARD');
      expect(response.body.details[0].field).toBe('standards');
      expect(response.body.message).toContain('ISO 9999');
      expect(response.body.message).toContain('ISO 14001:2015');
    });

    it('answers 404 for a factory it does not know', async () => {
      await t
        .http()
        .post('/api/v1/agreements')
        .set(admin.auth)
        .send(makeAgreement({ factoryId: '00000000-0000-4000-8000-000000000000' }))
        .expect(404);
    });
  });

  describe('status', () => {
    it('walks every allowed step to certified, auditing each move', async () => {
      const { id } = await create(admin);
      const expected: [string, string[]][] = [
        ['negotiating', ['signed', 'terminated']],
        ['signed', ['in_progress', 'terminated']],
        ['in_progress', ['certified', 'terminated']],
        ['certified', []],
      ];
      for (const [status, next] of expected) {
        const response = await move(admin, id, status).expect(200);
        expect(response.body).toMatchObject({ status, allowedNextStatuses: next });
      }
      const events = await t
        .http()
        .get('/api/v1/audit-events')
        .query({ entityType: 'agreement', entityId: id, action: 'agreement.status_changed' })
        .set(admin.auth)
        .expect(200);
      const moves = (
        events.body.items as {
          before: { status: string };
          after: { status: string };
          actorId: string;
        }[]
      )
        .map((e) => `${e.before.status}->${e.after.status}`)
        .sort();
      expect(moves).toEqual(
        [
          'draft->negotiating',
          'negotiating->signed',
          'signed->in_progress',
          'in_progress->certified',
        ].sort(),
      );
      expect(events.body.items.every((e: { actorId: string }) => e.actorId === admin.userId)).toBe(
        true,
      );
    });

    it.each([
      [[]],
      [['negotiating']],
      [['negotiating', 'signed']],
      [['negotiating', 'signed', 'in_progress']],
    ])('terminates from every open state (after %p)', async (path) => {
      const { id } = await create(admin);
      await moveAlong(id, path);
      const response = await move(admin, id, 'terminated').expect(200);
      expect(response.body).toMatchObject({ status: 'terminated', allowedNextStatuses: [] });
    });

    it.each([
      [[], 'signed', 'allowed next states: negotiating, terminated'],
      [[], 'certified', 'allowed next states: negotiating, terminated'],
      [['negotiating'], 'draft', 'allowed next states: signed, terminated'],
      [['negotiating', 'signed'], 'certified', 'allowed next states: in_progress, terminated'],
      [['negotiating', 'signed', 'in_progress'], 'lapsed', 'set by the daily scan'],
      [
        ['negotiating', 'signed', 'in_progress', 'certified'],
        'terminated',
        'allowed next states: none',
      ],
      [['terminated'], 'draft', 'allowed next states: none'],
    ])('after %p refuses %s with 409 naming what is allowed', async (path, to, words) => {
      const { id } = await create(admin);
      await moveAlong(id, path);
      const response = await move(admin, id, to).expect(409);
      expect(response.body.code).toBe('AGREEMENT.ILLEGAL_TRANSITION');
      expect(response.body.message).toContain(words);
      const after = await t.http().get(`/api/v1/agreements/${id}`).set(admin.auth).expect(200);
      expect(after.body.status).toBe(path.at(-1) ?? 'draft');
    });

    it('refuses an unknown status with 400', async () => {
      const { id } = await create(admin);
      const response = await move(admin, id, 'paused').expect(400);
      expect(response.body.details[0].field).toBe('status');
    });

    it('edits fields with an audit event, and re-checks the target warning', async () => {
      const { id } = await create(admin);
      const response = await t
        .http()
        .patch(`/api/v1/agreements/${id}`)
        .set(admin.auth)
        .send({
          title: 'Renamed',
          notes: 'signed copy in the shared drive',
          targetOn: '2027-09-30',
        })
        .expect(200);
      expect(response.body).toMatchObject({
        title: 'Renamed',
        notes: 'signed copy in the shared drive',
      });
      expect(response.body.warnings.map((w: { code: string }) => w.code)).toEqual([
        'TARGET_TOO_LATE',
      ]);
      expect(await auditActions('agreement', id)).toEqual([
        'agreement.created',
        'agreement.updated',
      ]);
      const bad = await t
        .http()
        .patch(`/api/v1/agreements/${id}`)
        .set(admin.auth)
        .send({ targetOn: '2027-01-01' })
        .expect(400);
      expect(bad.body.details[0].field).toBe('targetOn');
      const unknownField = await t
        .http()
        .patch(`/api/v1/agreements/${id}`)
        .set(admin.auth)
        .send({ kind: 'scope_expansion' })
        .expect(400);
      expect(unknownField.body.details[0].field).toBe('kind');
    });
  });

  describe('milestones', () => {
    it('completes a milestone on today in the organization timezone, and undoes it', async () => {
      const agreement = await create(admin);
      const [first, second] = agreement.milestones as Milestone[];
      // 20:00 UTC on the 10th is already the 11th in Shanghai
      t.clock.set('2027-02-10T20:00:00Z');
      const done = await t
        .http()
        .patch(`/api/v1/milestones/${first.id}`)
        .set(admin.auth)
        .send({ status: 'done' })
        .expect(200);
      expect(done.body).toMatchObject({
        status: 'done',
        completedOn: '2027-02-11',
        daysLeft: null,
      });

      const dated = await t
        .http()
        .patch(`/api/v1/milestones/${second.id}`)
        .set(admin.auth)
        .send({ completedOn: '2027-02-05' })
        .expect(200);
      expect(dated.body).toMatchObject({ status: 'done', completedOn: '2027-02-05' });

      let view = await t
        .http()
        .get(`/api/v1/agreements/${agreement.id}`)
        .set(admin.auth)
        .expect(200);
      expect(view.body.progress).toEqual({ done: 2, total: 9, skipped: 0 });
      expect(view.body.nextMilestone.templateKey).toBe('implementation_records');

      const undone = await t
        .http()
        .patch(`/api/v1/milestones/${second.id}`)
        .set(admin.auth)
        .send({ status: 'pending' })
        .expect(200);
      expect(undone.body).toMatchObject({ status: 'pending', completedOn: null });
      const skipped = await t
        .http()
        .patch(`/api/v1/milestones/${second.id}`)
        .set(admin.auth)
        .send({ status: 'skipped' })
        .expect(200);
      expect(skipped.body).toMatchObject({ status: 'skipped', completedOn: null });
      view = await t.http().get(`/api/v1/agreements/${agreement.id}`).set(admin.auth).expect(200);
      expect(view.body.progress).toEqual({ done: 1, total: 8, skipped: 1 });

      expect(await auditActions('milestone', first.id)).toEqual([
        'milestone.completed',
        'milestone.created',
      ]);
      expect(await auditActions('milestone', second.id)).toEqual([
        'milestone.completed',
        'milestone.created',
        'milestone.updated',
        'milestone.updated',
      ]);
    });

    it.each([
      [{ status: 'done', completedOn: '2027-01-21' }, 400, 'completedOn'], // tomorrow
      [{ status: 'pending', completedOn: '2027-01-10' }, 400, 'completedOn'],
      [{ status: 'done', completedOn: null }, 400, 'completedOn'],
      [{ status: 'finished' }, 400, 'status'],
      [{ owner: 'buyer' }, 400, 'owner'],
      [{ dueOn: '2027-13-01' }, 400, 'dueOn'],
      [{ name: '' }, 400, 'name'],
    ])('refuses %p with %d naming %s', async (body, status, field) => {
      const agreement = await create(admin);
      const milestone = (agreement.milestones as Milestone[])[0];
      const response = await t
        .http()
        .patch(`/api/v1/milestones/${milestone.id}`)
        .set(admin.auth)
        .send(body)
        .expect(status);
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('adds, reschedules and deletes milestones by hand', async () => {
      const agreement = await create(admin, {
        plan: undefined,
        startsOn: '2027-02-01',
        targetOn: '2027-06-01',
      });
      const added = await t
        .http()
        .post(`/api/v1/agreements/${agreement.id}/milestones`)
        .set(admin.auth)
        .send({ name: 'Supplier audit', dueOn: '2027-03-01', owner: 'factory' })
        .expect(201);
      expect(added.body).toMatchObject({
        name: 'Supplier audit',
        status: 'pending',
        plannedDays: 28,
        templateKey: null,
      });
      const second = await t
        .http()
        .post(`/api/v1/agreements/${agreement.id}/milestones`)
        .set(admin.auth)
        .send({ name: 'Stage 2', dueOn: '2027-05-01', owner: 'factory', plannedDays: 20 })
        .expect(201);
      expect(second.body.plannedDays).toBe(20);
      const invalid = await t
        .http()
        .post(`/api/v1/agreements/${agreement.id}/milestones`)
        .set(admin.auth)
        .send({ name: 'X', dueOn: 'soon', plannedDays: -1 })
        .expect(400);
      expect(invalid.body.details.map((d: { field: string }) => d.field)).toEqual(
        expect.arrayContaining(['dueOn', 'owner', 'plannedDays']),
      );

      await t
        .http()
        .patch(`/api/v1/milestones/${added.body.id}`)
        .set(admin.auth)
        .send({ dueOn: '2027-03-15', name: 'Supplier audit (moved)' })
        .expect(200);
      await t.http().delete(`/api/v1/milestones/${second.body.id}`).set(admin.auth).expect(204);
      await t.http().delete(`/api/v1/milestones/${second.body.id}`).set(admin.auth).expect(404);
      const view = await t
        .http()
        .get(`/api/v1/agreements/${agreement.id}`)
        .set(admin.auth)
        .expect(200);
      expect(view.body.milestones.map((m: Milestone) => [m.name, m.dueOn])).toEqual([
        ['Supplier audit (moved)', '2027-03-15'],
      ]);
      expect(await auditActions('milestone', second.body.id)).toEqual([
        'milestone.created',
        'milestone.deleted',
      ]);
    });
  });

  describe('at risk', () => {
    it('flags an overdue milestone, and filters by it', async () => {
      const ownFactory = await newFactory(admin);
      const agreement = await create(admin, { factoryId: ownFactory, startsOn: '2027-01-31' });
      const gap = (agreement.milestones as Milestone[])[0];

      t.clock.set('2027-02-14T04:00:00Z'); // due today: not yet overdue
      let view = await t
        .http()
        .get(`/api/v1/agreements/${agreement.id}`)
        .set(admin.auth)
        .expect(200);
      expect(view.body.atRisk).toBe(false);

      t.clock.set('2027-02-16T04:00:00Z');
      view = await t.http().get(`/api/v1/agreements/${agreement.id}`).set(admin.auth).expect(200);
      expect(view.body).toMatchObject({
        atRisk: true,
        atRiskReason: { code: 'MILESTONE_OVERDUE', milestoneId: gap.id, overdueCount: 1 },
      });
      expect(view.body.atRiskReason.message).toContain('Gap analysis');
      expect(view.body.nextMilestone).toMatchObject({ id: gap.id, overdue: true, daysLeft: -2 });

      const ids = async (query: Record<string, string>) => {
        const response = await t
          .http()
          .get('/api/v1/agreements')
          .query({ factoryId: ownFactory, ...query })
          .set(admin.auth)
          .expect(200);
        return (response.body.items as { id: string }[]).map((a) => a.id);
      };
      expect(await ids({ atRisk: 'true' })).toEqual([agreement.id]);
      expect(await ids({ atRisk: 'false' })).toEqual([]);

      await t
        .http()
        .patch(`/api/v1/milestones/${gap.id}`)
        .set(admin.auth)
        .send({ status: 'done' })
        .expect(200);
      // done two days late: at the plan's pace the rest now ends two days after the target
      view = await t.http().get(`/api/v1/agreements/${agreement.id}`).set(admin.auth).expect(200);
      expect(view.body.atRiskReason).toMatchObject({
        code: 'PLAN_CANNOT_FIT',
        projectedFinishOn: '2027-08-02',
        daysLate: 2,
      });
      expect(await ids({ atRisk: 'true' })).toEqual([agreement.id]);

      view = await t
        .http()
        .patch(`/api/v1/agreements/${agreement.id}`)
        .set(admin.auth)
        .send({ targetOn: '2027-08-02' })
        .expect(200);
      expect(view.body).toMatchObject({ atRisk: false, atRiskReason: null });
      expect(await ids({ atRisk: 'true' })).toEqual([]);
      expect(await ids({ atRisk: 'false' })).toEqual([agreement.id]);

      // a terminated agreement is never at risk
      await move(admin, agreement.id, 'terminated').expect(200);
      t.clock.set('2027-12-01T04:00:00Z');
      view = await t.http().get(`/api/v1/agreements/${agreement.id}`).set(admin.auth).expect(200);
      expect(view.body.atRisk).toBe(false);

      const bad = await t.http().get('/api/v1/agreements?atRisk=maybe').set(admin.auth).expect(400);
      expect(bad.body.details[0].field).toBe('atRisk');
    });

    it('flags a plan whose remaining milestones cannot fit before the target', async () => {
      const agreement = await create(admin, { startsOn: '2027-01-31', plan: 'standard-6m' });
      let response = await t
        .http()
        .patch(`/api/v1/agreements/${agreement.id}`)
        .set(admin.auth)
        .send({ targetOn: '2027-07-30' })
        .expect(200);
      expect(response.body.atRiskReason).toMatchObject({
        code: 'PLAN_CANNOT_FIT',
        projectedFinishOn: '2027-07-31',
        daysLate: 1,
      });
      // finishing the gap analysis early gives its slack to the rest of the plan
      t.clock.set('2027-02-03T04:00:00Z');
      const gap = (agreement.milestones as Milestone[])[0];
      await t
        .http()
        .patch(`/api/v1/milestones/${gap.id}`)
        .set(admin.auth)
        .send({ status: 'done' })
        .expect(200);
      response = await t
        .http()
        .get(`/api/v1/agreements/${agreement.id}`)
        .set(admin.auth)
        .expect(200);
      expect(response.body).toMatchObject({ atRisk: false, atRiskReason: null });
    });
  });

  describe('lists', () => {
    it('filters by factory, kind and status, and paginates', async () => {
      const account = await signUp(t);
      const a = await newFactory(account);
      const b = await newFactory(account);
      const one = await create(account, { factoryId: a });
      const two = await create(account, { factoryId: a, kind: 'audit_disclosure' });
      const three = await create(account, { factoryId: b });
      await move(account, three.id, 'negotiating').expect(200);

      const ids = async (query: Record<string, string | number>) => {
        const response = await t
          .http()
          .get('/api/v1/agreements')
          .query(query)
          .set(account.auth)
          .expect(200);
        return {
          ids: (response.body.items as { id: string }[]).map((x) => x.id).sort(),
          total: response.body.total,
        };
      };
      expect(await ids({})).toEqual({ ids: [one.id, two.id, three.id].sort(), total: 3 });
      expect(await ids({ factoryId: a })).toEqual({ ids: [one.id, two.id].sort(), total: 2 });
      expect(await ids({ kind: 'audit_disclosure' })).toEqual({ ids: [two.id], total: 1 });
      expect(await ids({ status: 'negotiating' })).toEqual({ ids: [three.id], total: 1 });
      const page = await t
        .http()
        .get('/api/v1/agreements?pageSize=2&page=2')
        .set(account.auth)
        .expect(200);
      expect(page.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(page.body.items).toHaveLength(1);
      expect(page.body.items[0].milestones).toBeUndefined();
      expect(page.body.items[0]).toHaveProperty('progress');
      expect(page.body.items[0]).toHaveProperty('nextMilestone');
      const bad = await t
        .http()
        .get('/api/v1/agreements?kind=joint&status=paused')
        .set(account.auth)
        .expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['kind', 'status']);
    });
  });

  describe('certificates', () => {
    it('links a certified agreement to its certificate, which shows what backs it', async () => {
      const account = await signUp(t);
      const factory = await newFactory(account);
      const certificate = await createCertificate(t, account, { factoryId: factory });
      const agreement = await create(account, { factoryId: factory });
      for (const status of ['negotiating', 'signed', 'in_progress']) {
        await move(account, agreement.id, status).expect(200);
      }
      const early = await t
        .http()
        .patch(`/api/v1/agreements/${agreement.id}`)
        .set(account.auth)
        .send({ certificateId: certificate.id })
        .expect(409);
      expect(early.body.code).toBe('AGREEMENT.NOT_CERTIFIED');

      let before = await t
        .http()
        .get(`/api/v1/certificates/${certificate.id}`)
        .set(account.auth)
        .expect(200);
      expect(before.body.backedBy).toEqual([]);

      const linked = await t
        .http()
        .patch(`/api/v1/agreements/${agreement.id}`)
        .set(account.auth)
        .send({ status: 'certified', certificateId: certificate.id })
        .expect(200);
      expect(linked.body).toMatchObject({
        status: 'certified',
        certificateId: certificate.id,
      });

      const shown = await t
        .http()
        .get(`/api/v1/certificates/${certificate.id}`)
        .set(account.auth)
        .expect(200);
      expect(shown.body.backedBy).toEqual([
        {
          agreementId: agreement.id,
          kind: 'certification_cooperation',
          title: agreement.title,
          status: 'certified',
          factoryId: factory,
        },
      ]);

      // another organization's certificate is not found
      const other = await signUp(t);
      const otherFactory = await newFactory(other);
      const foreign = await createCertificate(t, other, { factoryId: otherFactory });
      await t
        .http()
        .patch(`/api/v1/agreements/${agreement.id}`)
        .set(account.auth)
        .send({ certificateId: foreign.id })
        .expect(404);
      const foreignView = await t
        .http()
        .get(`/api/v1/certificates/${foreign.id}`)
        .set(other.auth)
        .expect(200);
      expect(foreignView.body.backedBy).toEqual([]);

      // unlinking, then deleting the certificate leaves the agreement without it
      await t
        .http()
        .patch(`/api/v1/agreements/${agreement.id}`)
        .set(account.auth)
        .send({ certificateId: null })
        .expect(200);
      before = await t
        .http()
        .get(`/api/v1/certificates/${certificate.id}`)
        .set(account.auth)
        .expect(200);
      expect(before.body.backedBy).toEqual([]);
      await t
        .http()
        .patch(`/api/v1/agreements/${agreement.id}`)
        .set(account.auth)
        .send({ certificateId: certificate.id })
        .expect(200);
      await t.http().delete(`/api/v1/certificates/${certificate.id}`).set(account.auth).expect(204);
      const after = await t
        .http()
        .get(`/api/v1/agreements/${agreement.id}`)
        .set(account.auth)
        .expect(200);
      expect(after.body.certificateId).toBeNull();
    });

    it('deletes the agreements of a deleted factory', async () => {
      const account = await signUp(t);
      const factory = await newFactory(account, { status: 'ended' });
      const agreement = await create(account, { factoryId: factory });
      await t.http().delete(`/api/v1/factories/${factory}`).set(account.auth).expect(204);
      await t.http().get(`/api/v1/agreements/${agreement.id}`).set(account.auth).expect(404);
      const milestone = (agreement.milestones as Milestone[])[0];
      await t
        .http()
        .patch(`/api/v1/milestones/${milestone.id}`)
        .set(account.auth)
        .send({ status: 'done' })
        .expect(404);
    });
  });

  describe('tenancy and roles', () => {
    it("hides one organization's agreements and milestones from another", async () => {
      const agreement = await create(admin);
      const milestone = (agreement.milestones as Milestone[])[0];
      const other = await signUp(t);
      const otherMember = await addStaff(t, other, 'member');
      for (const intruder of [other, otherMember]) {
        await t.http().get(`/api/v1/agreements/${agreement.id}`).set(intruder.auth).expect(404);
        await t
          .http()
          .patch(`/api/v1/agreements/${agreement.id}`)
          .set(intruder.auth)
          .send({ status: 'negotiating' })
          .expect(404);
        await t
          .http()
          .post(`/api/v1/agreements/${agreement.id}/milestones`)
          .set(intruder.auth)
          .send({ name: 'X', dueOn: '2027-03-01', owner: 'trader' })
          .expect(404);
        await t
          .http()
          .patch(`/api/v1/milestones/${milestone.id}`)
          .set(intruder.auth)
          .send({ status: 'done' })
          .expect(404);
        await t.http().delete(`/api/v1/milestones/${milestone.id}`).set(intruder.auth).expect(404);
        const list = await t.http().get('/api/v1/agreements').set(intruder.auth).expect(200);
        expect(list.body).toMatchObject({ items: [], total: 0 });
        const filtered = await t
          .http()
          .get('/api/v1/agreements')
          .query({ factoryId, atRisk: 'false' })
          .set(intruder.auth)
          .expect(200);
        expect(filtered.body.total).toBe(0);
      }
      // nor can it build on the other's factory
      await t
        .http()
        .post('/api/v1/agreements')
        .set(other.auth)
        .send(makeAgreement({ factoryId }))
        .expect(404);
      // and nothing changed
      const unchanged = await t
        .http()
        .get(`/api/v1/agreements/${agreement.id}`)
        .set(admin.auth)
        .expect(200);
      expect(unchanged.body.status).toBe('draft');
      expect(unchanged.body.milestones).toHaveLength(9);
      expect(unchanged.body.progress.done).toBe(0);
    });

    it("lets a factory manager see their factory's agreements and mark milestones done, nothing more", async () => {
      const account = await signUp(t);
      const mine = await newFactory(account);
      const theirs = await newFactory(account);
      const manager = await addFactoryManager(t, account, mine);
      const own = await create(account, { factoryId: mine });
      const foreign = await create(account, { factoryId: theirs });
      const expansion = await create(account, { kind: 'scope_expansion', factoryId: null });

      const list = await t.http().get('/api/v1/agreements').set(manager.auth).expect(200);
      expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([own.id]);
      const filtered = await t
        .http()
        .get('/api/v1/agreements')
        .query({ factoryId: theirs })
        .set(manager.auth)
        .expect(200);
      expect(filtered.body.total).toBe(0);
      await t.http().get(`/api/v1/agreements/${own.id}`).set(manager.auth).expect(200);
      await t.http().get(`/api/v1/agreements/${foreign.id}`).set(manager.auth).expect(404);
      await t.http().get(`/api/v1/agreements/${expansion.id}`).set(manager.auth).expect(404);

      const ownMilestone = (own.milestones as Milestone[])[0];
      const done = await t
        .http()
        .patch(`/api/v1/milestones/${ownMilestone.id}`)
        .set(manager.auth)
        .send({ status: 'done' })
        .expect(200);
      expect(done.body).toMatchObject({ status: 'done', completedOn: '2027-01-20' });
      const events = await t
        .http()
        .get('/api/v1/audit-events')
        .query({
          entityType: 'milestone',
          entityId: ownMilestone.id,
          action: 'milestone.completed',
        })
        .set(account.auth)
        .expect(200);
      expect(events.body.items[0].actorId).toBe(manager.userId);

      const foreignMilestone = (foreign.milestones as Milestone[])[0];
      await t
        .http()
        .patch(`/api/v1/milestones/${foreignMilestone.id}`)
        .set(manager.auth)
        .send({ status: 'done' })
        .expect(404);
      const renamed = await t
        .http()
        .patch(`/api/v1/milestones/${ownMilestone.id}`)
        .set(manager.auth)
        .send({ name: 'Something easier' })
        .expect(403);
      expect(renamed.body.code).toBe('MILESTONE.FORBIDDEN_CHANGE');
      await t
        .http()
        .patch(`/api/v1/milestones/${ownMilestone.id}`)
        .set(manager.auth)
        .send({ status: 'skipped' })
        .expect(403);

      // everything else is for trader staff
      await t
        .http()
        .post('/api/v1/agreements')
        .set(manager.auth)
        .send(makeAgreement({ factoryId: mine }))
        .expect(403);
      await t
        .http()
        .patch(`/api/v1/agreements/${own.id}`)
        .set(manager.auth)
        .send({ status: 'negotiating' })
        .expect(403);
      await t
        .http()
        .post(`/api/v1/agreements/${own.id}/milestones`)
        .set(manager.auth)
        .send({ name: 'X', dueOn: '2027-03-01', owner: 'factory' })
        .expect(403);
      await t.http().delete(`/api/v1/milestones/${ownMilestone.id}`).set(manager.auth).expect(403);
      await t.http().get('/api/v1/plan-templates').set(manager.auth).expect(403);
    });
  });

  describe('the daily scan', () => {
    async function scanContext(organizationId: string, today: string) {
      return {
        organizationId,
        today,
        manager: t.app.get(Transactions).manager,
        batchSize: 2,
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
    }

    it('lapses in_progress agreements past their target with milestones unfinished', async () => {
      const account = await signUp(t);
      const factory = await newFactory(account);
      const late = await create(account, { factoryId: factory, startsOn: '2027-01-31' });
      const finished = await create(account, {
        factoryId: factory,
        startsOn: '2027-01-31',
        plan: undefined,
        targetOn: '2027-07-31',
      });
      const signedOnly = await create(account, { factoryId: factory, startsOn: '2027-01-31' });
      for (const id of [late.id, finished.id])
        await moveAlongFor(account, id, ['negotiating', 'signed', 'in_progress']);
      await moveAlongFor(account, signedOnly.id, ['negotiating', 'signed']);

      const source = t.app.get(AgreementLapseStep);
      await source.run(await scanContext(account.organizationId, '2027-07-31')); // the target day itself
      expect((await get(account, late.id)).status).toBe('in_progress');

      await source.run(await scanContext(account.organizationId, '2027-08-01'));
      expect((await get(account, late.id)).status).toBe('lapsed');
      expect((await get(account, finished.id)).status).toBe('in_progress'); // no milestones left
      expect((await get(account, signedOnly.id)).status).toBe('signed');
      const events = await t
        .http()
        .get('/api/v1/audit-events')
        .query({ entityType: 'agreement', entityId: late.id, action: 'agreement.status_changed' })
        .set(account.auth)
        .expect(200);
      const lapses = events.body.items.filter(
        (e: { after: { status: string } }) => e.after.status === 'lapsed',
      );
      expect(lapses).toHaveLength(1);
      expect(lapses[0]).toMatchObject({
        actorId: null,
        before: { status: 'in_progress' },
        after: { status: 'lapsed' },
      });
      // running it again changes nothing more
      await source.run(await scanContext(account.organizationId, '2027-08-02'));
      const again = await t
        .http()
        .get('/api/v1/audit-events')
        .query({ entityType: 'agreement', entityId: late.id, action: 'agreement.status_changed' })
        .set(account.auth)
        .expect(200);
      expect(again.body.total).toBe(events.body.total);
      await move(account, late.id, 'in_progress').expect(409);
    });

    it('finds the milestone reminders due, in batches', async () => {
      const account = await signUp(t);
      const factory = await newFactory(account, { name: 'Yuyao Valve' });
      const agreements = [];
      for (let i = 0; i < 3; i++) {
        const agreement = await create(account, { factoryId: factory, startsOn: '2027-01-31' });
        await moveAlongFor(account, agreement.id, ['negotiating', 'signed']);
        agreements.push(agreement);
      }
      const draft = await create(account, { factoryId: factory, startsOn: '2027-01-31' });
      const source = t.app.get(AgreementReminderSource);
      const batches = [];
      // gap analysis due 2027-02-14, documentation 2027-02-28: on 02-21 one is a week overdue, the other 7 days away
      for await (const batch of source.scan(
        await scanContext(account.organizationId, '2027-02-21'),
      ))
        batches.push(batch);
      expect(batches.length).toBe(2);
      const notices = batches.flat();
      const keys = notices.map((n) => n.dedupeKey).sort();
      const expected = agreements.flatMap((a) => {
        const [gap, documentation] = a.milestones as Milestone[];
        return [
          `milestone:${gap.id}:overdue:2027-02-14:w0`,
          `milestone:${documentation.id}:due:2027-02-28:7`,
          `agreement:${a.id}:at-risk:MILESTONE_OVERDUE:2027-07-31`,
        ];
      });
      expect(keys).toEqual(expected.sort());
      expect(keys.some((k) => k.includes(draft.id))).toBe(false);
      const overdue = notices.find((n) => n.kind === 'milestone_overdue')!;
      expect(overdue).toMatchObject({
        audience: 'responsible',
        factoryId: factory,
        subjectType: 'milestone',
      });
      expect(overdue.payload).toMatchObject({
        factoryName: 'Yuyao Valve',
        milestoneName: 'Gap analysis',
      });
      const rendered = source.render({ ...overdue, daysLeft: -7 }, 'zh-CN');
      expect(rendered.title).toContain('已逾期 7 天');
    });

    async function moveAlongFor(account: Account, id: string, statuses: string[]) {
      for (const status of statuses) await move(account, id, status).expect(200);
    }

    async function get(account: Account, id: string) {
      const response = await t.http().get(`/api/v1/agreements/${id}`).set(account.auth).expect(200);
      return response.body as { status: string };
    }
  });
});
