import { isQuiet, NoticeFacts, Quiet } from './reminder-quiet';

const quiet: Quiet = {
  kind: 'certificate_expired',
  subjectType: 'certificate',
  subjectId: 'c1',
  dueOn: '2026-11-22',
  stage: null,
  quietUntil: '2027-01-12',
};
const notice = (overrides: Partial<NoticeFacts> = {}): NoticeFacts => ({
  kind: 'certificate_expired',
  subjectType: 'certificate',
  subjectId: 'c1',
  dueOn: '2026-11-22',
  payload: { overdueDay: 14, escalated: true },
  ...overrides,
});

describe('isQuiet', () => {
  it.each<[string, NoticeFacts, string, boolean]>([
    ['the weekly repeat before quietUntil', notice(), '2026-12-06', true],
    ['the escalated repeat on quietUntil itself', notice(), '2027-01-12', true],
    ['the day after quietUntil: it comes back', notice(), '2027-01-13', false],
    ['a changed expiry date', notice({ dueOn: '2027-11-22' }), '2026-12-06', false],
    ['another certificate', notice({ subjectId: 'c2' }), '2026-12-06', false],
    ['another kind', notice({ kind: 'certificate_expiring' }), '2026-12-06', false],
  ])('%s: %s', (_, facts, today, expected) => {
    expect(isQuiet(facts, [quiet], today)).toBe(expected);
  });

  it('ends at a new threshold', () => {
    const at30: Quiet = { ...quiet, kind: 'certificate_expiring', stage: 30 };
    const facts = (thresholdDays: number) =>
      notice({ kind: 'certificate_expiring', payload: { thresholdDays } });
    expect(isQuiet(facts(30), [at30], '2026-10-25')).toBe(true);
    expect(isQuiet(facts(14), [at30], '2026-11-08')).toBe(false);
  });
});
