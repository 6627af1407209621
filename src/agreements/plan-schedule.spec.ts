import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  defaultTargetOn,
  dueOnFor,
  PlanTemplate,
  schedulePlan,
  targetWarnings,
  templateProblems,
} from './plan-schedule';

const shipped = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'config', 'plan-templates.json'), 'utf8'),
) as { templates: PlanTemplate[] };

const threeSteps: PlanTemplate = {
  id: 'three',
  name: 'Three steps',
  nameZh: '三步',
  description: '',
  months: 3,
  milestones: [
    { key: 'a', name: 'A', nameZh: 'A', owner: 'trader', months: 0, days: 10 },
    { key: 'b', name: 'B', nameZh: 'B', owner: 'factory', months: 1, days: 0 },
    { key: 'c', name: 'C', nameZh: 'C', owner: 'trader', months: 3, days: 0 },
  ],
};

describe('plan schedule', () => {
  it.each([
    // startsOn, months, days, dueOn
    ['2027-01-15', 0, 14, '2027-01-29'],
    ['2027-01-15', 1, 0, '2027-02-15'],
    ['2027-01-31', 1, 0, '2027-02-28'], // month-end start clamps to February's end
    ['2028-01-31', 1, 0, '2028-02-29'], // leap year
    ['2027-01-31', 1, 3, '2027-03-03'], // months first, then days
    ['2028-01-31', 1, 3, '2028-03-03'],
    ['2027-01-31', 3, 0, '2027-04-30'],
    ['2027-08-31', 6, 0, '2028-02-29'], // leap day at the end of a 6-month plan
    ['2027-11-30', 3, 0, '2028-02-29'],
    ['2028-02-29', 12, 0, '2029-02-28'],
    ['2027-12-20', 0, 14, '2028-01-03'], // across a year end
  ])('%s + %d months + %d days is %s', (startsOn, months, days, expected) => {
    expect(dueOnFor(startsOn, { months, days })).toBe(expected);
  });

  it.each([
    [
      '2027-01-15',
      [
        ['2027-01-25', 10],
        ['2027-02-15', 21],
        ['2027-04-15', 59],
      ],
    ],
    [
      '2027-01-31',
      [
        ['2027-02-10', 10],
        ['2027-02-28', 18],
        ['2027-04-30', 61],
      ],
    ],
    [
      '2028-01-31',
      [
        ['2028-02-10', 10],
        ['2028-02-29', 19],
        ['2028-04-30', 61],
      ],
    ],
  ] as [string, [string, number][]][])(
    'schedules every step from %s with the days it is given',
    (startsOn, expected) => {
      const steps = schedulePlan(threeSteps, startsOn);
      expect(steps.map((s) => [s.dueOn, s.plannedDays])).toEqual(expected);
      expect(steps.map((s) => s.position)).toEqual([0, 1, 2]);
      // the pace adds up to the whole plan
      const total = steps.reduce((sum, s) => sum + s.plannedDays, 0);
      expect(total).toBe((Date.parse(expected[2][0]) - Date.parse(startsOn)) / 86_400_000);
    },
  );

  it('never gives time back when a clamped month-end puts a step before the previous one', () => {
    const template: PlanTemplate = {
      ...threeSteps,
      milestones: [
        { key: 'a', name: 'A', nameZh: 'A', owner: 'trader', months: 0, days: 30 },
        { key: 'b', name: 'B', nameZh: 'B', owner: 'trader', months: 1, days: 0 },
      ],
    };
    // 31 Jan + 30 days = 2 Mar; 31 Jan + 1 month = 28 Feb
    expect(schedulePlan(template, '2027-01-31').map((s) => [s.dueOn, s.plannedDays])).toEqual([
      ['2027-03-02', 30],
      ['2027-02-28', 0],
    ]);
  });

  it.each([
    ['2027-01-15', 3, '2027-04-15'],
    ['2027-01-31', 3, '2027-04-30'],
    ['2027-08-31', 6, '2028-02-29'],
  ])('the default target from %s after %d months is %s', (startsOn, months, expected) => {
    expect(defaultTargetOn({ ...threeSteps, months }, startsOn)).toBe(expected);
  });

  it.each([
    ['2027-01-15', '2027-04-15', []],
    ['2027-01-15', '2027-07-15', []],
    ['2027-01-15', '2027-04-14', ['TARGET_TOO_SOON']],
    ['2027-01-15', '2027-07-16', ['TARGET_TOO_LATE']],
    ['2027-01-31', '2027-04-30', []], // 3 months after 31 January is 30 April
    ['2027-01-31', '2027-04-29', ['TARGET_TOO_SOON']],
    ['2027-08-31', '2028-02-29', []], // 6 months after 31 August, leap year
    ['2027-08-31', '2028-03-01', ['TARGET_TOO_LATE']],
    ['2027-01-15', '2027-01-16', ['TARGET_TOO_SOON']],
  ])('startsOn %s, targetOn %s warns %p', (startsOn, targetOn, codes) => {
    const warnings = targetWarnings(startsOn, targetOn);
    expect(warnings.map((w) => w.code)).toEqual(codes);
    for (const warning of warnings) {
      expect(warning.field).toBe('targetOn');
      expect(warning.message).toContain('months after startsOn');
    }
  });

  describe('the shipped templates', () => {
    it('are sound', () => {
      expect(templateProblems(shipped)).toEqual([]);
    });

    it.each([
      ['fast-track-3m', 3],
      ['standard-6m', 6],
    ])('%s has the nine steps and ends on its target, %d months out', (id, months) => {
      const template = shipped.templates.find((t) => t.id === id)!;
      expect(template.months).toBe(months);
      expect(template.milestones.map((m) => m.key)).toEqual([
        'gap_analysis',
        'documentation',
        'implementation_records',
        'internal_audit',
        'management_review',
        'certification_body_application',
        'stage_1_audit',
        'stage_2_audit',
        'certificate_issued',
      ]);
      for (const startsOn of ['2027-01-31', '2028-01-31', '2027-06-15', '2027-08-31']) {
        const steps = schedulePlan(template, startsOn);
        const dues = steps.map((s) => s.dueOn);
        expect(dues).toEqual([...dues].sort());
        expect(dues[dues.length - 1]).toBe(defaultTargetOn(template, startsOn));
        expect(targetWarnings(startsOn, defaultTargetOn(template, startsOn))).toEqual([]);
      }
    });
  });

  it.each([
    [{}, 'templates must be a non-empty list'],
    [{ templates: [{ ...threeSteps, id: 'Bad Id' }] }, 'templates[0].id'],
    [{ templates: [threeSteps, threeSteps] }, 'templates[1].id three is used twice'],
    [
      {
        templates: [
          { ...threeSteps, milestones: [{ ...threeSteps.milestones[0], owner: 'buyer' }] },
        ],
      },
      'templates[0].milestones[0].owner must be trader or factory',
    ],
    [
      { templates: [{ ...threeSteps, milestones: [{ ...threeSteps.milestones[0], days: -1 }] }] },
      'templates[0].milestones[0].days',
    ],
  ])('names what is wrong in a broken templates file (%#)', (raw, problem) => {
    expect(templateProblems(raw).join('\n')).toContain(problem);
  });
});
