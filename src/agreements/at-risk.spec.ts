import { assessRisk, MilestoneFacts, projectedFinishOn } from './at-risk';
import { AgreementFacts } from './at-risk';

/** Three milestones of 10, 20 and 30 planned days from 2027-01-01: due 01-11, 01-31, 03-02. */
function plan(overrides: Partial<MilestoneFacts>[] = []): MilestoneFacts[] {
  const base: MilestoneFacts[] = [
    { id: 'm1', name: 'Gap analysis', dueOn: '2027-01-11', plannedDays: 10 },
    { id: 'm2', name: 'Documentation', dueOn: '2027-01-31', plannedDays: 20 },
    { id: 'm3', name: 'Internal audit', dueOn: '2027-03-02', plannedDays: 30 },
  ].map((m, position) => ({ ...m, status: 'pending', completedOn: null, position }));
  return base.map((m, i) => ({ ...m, ...(overrides[i] ?? {}) }));
}

const agreement = (targetOn: string, status: AgreementFacts['status'] = 'in_progress') => ({
  status,
  startsOn: '2027-01-01',
  targetOn,
});

describe('at risk', () => {
  it.each([
    // [case, targetOn, milestone overrides, today, expected code or null, expected projected finish]
    ['a fresh plan that ends on its target', '2027-03-02', [], '2027-01-01', null, '2027-03-02'],
    ['a fresh plan before it starts', '2027-03-02', [], '2026-12-01', null, '2027-03-02'],
    ['a target a day too soon', '2027-03-01', [], '2027-01-01', 'PLAN_CANNOT_FIT', '2027-03-02'],
    ['a milestone due today is not overdue', '2027-03-02', [], '2027-01-11', null, '2027-03-02'],
    [
      'a milestone a day overdue',
      '2027-12-31',
      [],
      '2027-01-12',
      'MILESTONE_OVERDUE',
      '2027-03-03',
    ],
    [
      'the first milestone done early gives its slack to the rest',
      '2027-02-25',
      [{ status: 'done', completedOn: '2027-01-05' }],
      '2027-01-06',
      null,
      '2027-02-24',
    ],
    [
      'the first milestone done late pushes the rest past the target',
      '2027-03-02',
      [{ status: 'done', completedOn: '2027-01-11' }, {}, { dueOn: '2027-03-02' }],
      '2027-01-25',
      null,
      '2027-03-02',
    ],
    [
      'work resumes no earlier than today',
      '2027-03-02',
      [{ status: 'done', completedOn: '2027-01-02' }, { dueOn: '2027-02-20' }],
      '2027-02-10',
      'PLAN_CANNOT_FIT',
      '2027-03-12',
    ],
    [
      'skipped milestones take no time',
      '2027-02-20',
      [{ status: 'skipped' }, { status: 'skipped' }],
      '2027-01-01',
      null,
      '2027-01-31',
    ],
    [
      'everything done: nothing remains',
      '2027-01-15',
      [
        { status: 'done', completedOn: '2027-01-10' },
        { status: 'done', completedOn: '2027-01-12' },
        { status: 'skipped' },
      ],
      '2027-06-01',
      null,
      null,
    ],
    [
      'past the target with work left, nothing overdue yet',
      '2027-01-20',
      [{}, {}, { dueOn: '2027-06-01' }],
      '2027-01-08',
      'PLAN_CANNOT_FIT',
      '2027-03-02',
    ],
  ] as [string, string, Partial<MilestoneFacts>[], string, string | null, string | null][])(
    '%s',
    (_case, targetOn, overrides, today, code, finish) => {
      const milestones = plan(overrides);
      expect(projectedFinishOn(agreement(targetOn), milestones, today)).toBe(finish);
      expect(assessRisk(agreement(targetOn), milestones, today)?.code ?? null).toBe(code);
    },
  );

  it('names the most overdue milestone and counts the others', () => {
    const risk = assessRisk(agreement('2027-12-31'), plan(), '2027-02-01');
    expect(risk).toMatchObject({ code: 'MILESTONE_OVERDUE', milestoneId: 'm1', overdueCount: 2 });
    expect(risk?.message).toBe(
      'Milestone "Gap analysis" was due on 2027-01-11, 21 days ago (and 1 more overdue)',
    );
  });

  it('says how late the plan would finish', () => {
    const risk = assessRisk(agreement('2027-02-28'), plan(), '2027-01-01');
    expect(risk).toMatchObject({
      code: 'PLAN_CANNOT_FIT',
      projectedFinishOn: '2027-03-02',
      daysLate: 2,
    });
    expect(risk?.message).toContain('3 remaining milestones need until 2027-03-02');
  });

  it.each(['certified', 'terminated', 'lapsed'] as const)(
    'a %s agreement is never at risk',
    (status) => {
      expect(assessRisk(agreement('2027-01-05', status), plan(), '2027-06-01')).toBeNull();
    },
  );

  it.each(['draft', 'negotiating', 'signed'] as const)(
    'a %s agreement is assessed like one in progress',
    (status) => {
      expect(assessRisk(agreement('2027-12-31', status), plan(), '2027-01-20')?.code).toBe(
        'MILESTONE_OVERDUE',
      );
    },
  );

  it('ignores done and skipped milestones when looking for overdue ones', () => {
    const milestones = plan([{ status: 'done', completedOn: '2027-01-20' }, { status: 'skipped' }]);
    expect(assessRisk(agreement('2027-12-31'), milestones, '2027-02-15')).toBeNull();
  });
});
