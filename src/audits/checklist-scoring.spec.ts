import { ChecklistAnswer, scoreChecklist } from './checklist-scoring';

const sections = [
  { sectionId: 'capacity', questionIds: ['c1', 'c2'] },
  { sectionId: 'traceability', questionIds: ['t1', 't2', 't3', 't4'] },
];
const answersOf = (entries: [string, ChecklistAnswer][]) => new Map(entries);

describe('scoreChecklist', () => {
  it.each<[string, [string, ChecklistAnswer][], (number | null)[], number | null, boolean]>([
    ['nothing answered', [], [null, null], null, false],
    [
      'all yes',
      [
        ['c1', 'yes'],
        ['c2', 'yes'],
        ['t1', 'yes'],
        ['t2', 'yes'],
        ['t3', 'yes'],
        ['t4', 'yes'],
      ],
      [100, 100],
      100,
      true,
    ],
    ['partial is half', [['c1', 'partial']], [50, null], 50, false],
    [
      'no is zero',
      [
        ['c1', 'no'],
        ['c2', 'yes'],
      ],
      [50, null],
      50,
      false,
    ],
    [
      'not applicable counts neither way',
      [
        ['c1', 'not_applicable'],
        ['c2', 'no'],
      ],
      [0, null],
      0,
      false,
    ],
    [
      'a section of only not applicable has no score',
      [
        ['c1', 'not_applicable'],
        ['c2', 'not_applicable'],
      ],
      [null, null],
      null,
      false,
    ],
    // 1 of 6 points = 16.67 → 17; sections weigh the same: (17 + 100) / 2 = 58.5 → 59 (half up)
    [
      'rounds half up, and every section weighs the same',
      [
        ['c1', 'yes'],
        ['c2', 'yes'],
        ['t1', 'partial'],
        ['t2', 'no'],
        ['t3', 'no'],
      ],
      [100, 17],
      59,
      false,
    ],
  ])('%s', (_, answers, sectionScores, overall, complete) => {
    const score = scoreChecklist(sections, answersOf(answers));
    expect(score.sections.map((s) => s.score)).toEqual(sectionScores);
    expect(score.overall).toBe(overall);
    expect(score.complete).toBe(complete);
  });

  it('ignores answers to questions that are not in the checklist', () => {
    const score = scoreChecklist(
      sections,
      answersOf([
        ['elsewhere', 'no'],
        ['c1', 'yes'],
      ]),
    );
    expect(score.sections[0]).toEqual({
      sectionId: 'capacity',
      score: 100,
      answered: 1,
      questions: 2,
    });
    expect(score.overall).toBe(100);
  });
});
