import {
  AGREEMENT_STATUSES,
  AgreementStatus,
  nextStatuses,
  shouldLapse,
  transitionProblem,
} from './agreement-transitions';

describe('agreement transitions', () => {
  const allowedByPerson: [AgreementStatus, AgreementStatus][] = [
    ['draft', 'negotiating'],
    ['negotiating', 'signed'],
    ['signed', 'in_progress'],
    ['in_progress', 'certified'],
    ['draft', 'terminated'],
    ['negotiating', 'terminated'],
    ['signed', 'terminated'],
    ['in_progress', 'terminated'],
  ];

  it.each(allowedByPerson)('a person may move %s -> %s', (from, to) => {
    expect(transitionProblem(from, to)).toBeNull();
  });

  it('allows a person nothing else', () => {
    for (const from of AGREEMENT_STATUSES) {
      for (const to of AGREEMENT_STATUSES) {
        const allowed = allowedByPerson.some(([f, t]) => f === from && t === to);
        expect([from, to, transitionProblem(from, to) === null]).toEqual([from, to, allowed]);
      }
    }
  });

  it.each([
    ['draft', 'signed', 'allowed next states: negotiating, terminated'],
    ['draft', 'in_progress', 'allowed next states: negotiating, terminated'],
    ['signed', 'certified', 'allowed next states: in_progress, terminated'],
    ['in_progress', 'draft', 'allowed next states: certified, terminated'],
    ['in_progress', 'lapsed', 'lapsed is set by the daily scan'],
    ['certified', 'terminated', 'allowed next states: none'],
    ['terminated', 'draft', 'allowed next states: none'],
    ['lapsed', 'in_progress', 'allowed next states: none'],
  ] as [AgreementStatus, AgreementStatus, string][])(
    'refuses %s -> %s naming what is allowed',
    (from, to, words) => {
      const problem = transitionProblem(from, to);
      expect(problem).toContain(`from ${from} to ${to}`);
      expect(problem).toContain(words);
    },
  );

  it.each(AGREEMENT_STATUSES.map((s) => [s, s === 'in_progress' ? ['lapsed'] : []]))(
    'the daily scan may move %s only to %p',
    (from, expected) => {
      expect(nextStatuses(from as AgreementStatus, 'scan')).toEqual(expected);
    },
  );

  it('lets the scan lapse an in_progress agreement, and nothing else', () => {
    expect(transitionProblem('in_progress', 'lapsed', 'scan')).toBeNull();
    expect(transitionProblem('signed', 'lapsed', 'scan')).not.toBeNull();
    expect(transitionProblem('in_progress', 'terminated', 'scan')).not.toBeNull();
  });
});

describe('lapsing', () => {
  it.each([
    // status, targetOn, pending milestones, today, lapses
    ['in_progress', '2027-06-30', 1, '2027-07-01', true],
    ['in_progress', '2027-06-30', 1, '2027-06-30', false], // the target day itself still counts
    ['in_progress', '2027-06-30', 0, '2027-07-01', false], // everything done or skipped
    ['signed', '2027-06-30', 3, '2027-08-01', false],
    ['certified', '2027-06-30', 1, '2027-08-01', false],
    ['terminated', '2027-06-30', 1, '2027-08-01', false],
    ['lapsed', '2027-06-30', 1, '2027-08-01', false],
  ] as [AgreementStatus, string, number, string, boolean][])(
    '%s, target %s, %d pending, on %s: %p',
    (status, targetOn, pending, today, expected) => {
      expect(shouldLapse({ status, targetOn }, pending, today)).toBe(expected);
    },
  );
});
