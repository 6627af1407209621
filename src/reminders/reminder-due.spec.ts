import {
  byUrgency,
  daysUntil,
  horizonEnd,
  latestCrossedThreshold,
  latestOverdueOccurrence,
  scanDate,
} from './reminder-due';

const DEFAULT = [90, 60, 30, 14, 7, 1];

describe('scanDate: "today" in the organization timezone', () => {
  it.each([
    ['Asia/Shanghai', '2026-11-25T23:30:00Z', '2026-11-26'], // 07:30 the next morning in Shanghai
    ['Asia/Shanghai', '2026-11-25T15:59:59Z', '2026-11-25'],
    ['Asia/Shanghai', '2026-11-25T16:00:00Z', '2026-11-26'],
    ['UTC', '2026-11-25T23:30:00Z', '2026-11-25'],
    ['America/Los_Angeles', '2026-11-26T07:00:00Z', '2026-11-25'],
    ['Europe/Berlin', '2026-03-28T23:30:00Z', '2026-03-29'], // night of the DST change
    ['Pacific/Kiritimati', '2026-12-31T10:00:00Z', '2027-01-01'], // UTC+14
  ])('%s at %s is %s', (timezone, instant, expected) => {
    expect(scanDate(timezone, new Date(instant))).toBe(expected);
  });

  it('counts days left from the local date, not the UTC one', () => {
    // At 23:30 UTC on 2027-01-30 it is already 2027-01-31 in Shanghai: a certificate
    // expiring on 2027-03-02 is 30 days away there (31 by the UTC calendar).
    const instant = new Date('2027-01-30T23:30:00Z');
    const local = scanDate('Asia/Shanghai', instant);
    expect(daysUntil(local, '2027-03-02')).toBe(30);
    expect(latestCrossedThreshold(DEFAULT, daysUntil(local, '2027-03-02'))).toBe(30);
    expect(latestCrossedThreshold(DEFAULT, daysUntil(scanDate('UTC', instant), '2027-03-02'))).toBe(
      60,
    );
  });
});

describe('daysUntil', () => {
  it.each([
    ['2026-11-26', '2026-11-26', 0],
    ['2026-11-26', '2026-12-26', 30],
    ['2026-11-26', '2026-11-20', -6],
    ['2028-02-28', '2028-03-01', 2], // leap year
    ['2027-02-28', '2027-03-01', 1],
  ])('%s → %s is %i', (today, dueOn, expected) => {
    expect(daysUntil(today, dueOn)).toBe(expected);
  });
});

describe('latestCrossedThreshold', () => {
  it.each<[number[], number, number | null]>([
    [DEFAULT, 120, null], // nothing crossed yet
    [DEFAULT, 91, null],
    [DEFAULT, 90, 90], // on the day
    [DEFAULT, 89, 90],
    [DEFAULT, 60, 60],
    [DEFAULT, 25, 30], // recorded 25 days before expiry: one notice, for 30 only
    [DEFAULT, 8, 14],
    [DEFAULT, 7, 7],
    [DEFAULT, 1, 1],
    [DEFAULT, 0, 1], // expires today
    [DEFAULT, -1, null], // overdue: another kind
    [[7, 30], 20, 30], // order of the policy does not matter
    [[30], 45, null],
    [[0], 0, 0],
    [[], 3, null],
  ])('thresholds %j with %i days left → %p', (thresholds, daysLeft, expected) => {
    expect(latestCrossedThreshold(thresholds, daysLeft)).toBe(expected);
  });
});

describe('latestOverdueOccurrence (repeat every R days, escalate on day E)', () => {
  it.each<[number, number, number, { overdueDay: number; escalated: boolean } | null]>([
    // daysLeft, repeat, escalate → occurrence
    [0, 7, 7, null], // due today: not overdue
    [5, 7, 7, null],
    [-1, 7, 7, { overdueDay: 1, escalated: false }],
    [-6, 7, 7, { overdueDay: 1, escalated: false }],
    [-7, 7, 7, { overdueDay: 7, escalated: true }],
    [-13, 7, 7, { overdueDay: 7, escalated: true }],
    [-14, 7, 7, { overdueDay: 14, escalated: true }],
    [-40, 7, 7, { overdueDay: 35, escalated: true }], // missed scans: only the latest
    [-3, 2, 10, { overdueDay: 3, escalated: false }], // 1, 3, 5, 7, 9, then 10 escalated
    [-9, 2, 10, { overdueDay: 9, escalated: false }],
    [-10, 2, 10, { overdueDay: 10, escalated: true }],
    [-11, 2, 10, { overdueDay: 10, escalated: true }],
    [-12, 2, 10, { overdueDay: 12, escalated: true }],
    [-1, 7, 0, { overdueDay: 1, escalated: true }], // escalate at once
    [-8, 7, 0, { overdueDay: 8, escalated: true }],
    [-5, 1, 30, { overdueDay: 5, escalated: false }], // daily repeats
  ])('daysLeft %i, repeat %i, escalate %i → %p', (daysLeft, repeat, escalate, expected) => {
    expect(latestOverdueOccurrence(daysLeft, repeat, escalate)).toEqual(expected);
  });
});

describe('horizonEnd', () => {
  it('looks as far ahead as the furthest threshold', () => {
    expect(horizonEnd('2026-11-26', DEFAULT)).toBe('2027-02-24');
    expect(horizonEnd('2026-11-26', [])).toBe('2026-11-26');
  });
});

describe('byUrgency', () => {
  it('puts escalated items first, then the earliest due', () => {
    const items = [
      { kind: 'b', daysLeft: 30, escalated: false },
      { kind: 'a', daysLeft: -2, escalated: false },
      { kind: 'c', daysLeft: -9, escalated: true },
      { kind: 'a', daysLeft: 30, escalated: false },
    ];
    expect([...items].sort(byUrgency)).toEqual([items[2], items[1], items[3], items[0]]);
  });
});
