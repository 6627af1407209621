import { verificationDue, VerificationDueFacts } from './verification-due';

const base: VerificationDueFacts = {
  certificateId: 'c1',
  recordedOn: '2026-03-01',
  everChecked: false,
  lastConfirmedOn: null,
  latestIsConfirmed: false,
};

describe('verificationDue', () => {
  const cases: [
    string,
    Partial<VerificationDueFacts>,
    string,
    ReturnType<typeof verificationDue>,
  ][] = [
    ['never checked, 13 days after recording', {}, '2026-03-14', null],
    [
      'never checked, 14 days after recording',
      {},
      '2026-03-15',
      {
        reason: 'never_verified',
        dueOn: '2026-03-15',
        dedupeKey: 'cert:c1:verification_due:never',
      },
    ],
    [
      'never checked, long after',
      {},
      '2027-01-01',
      {
        reason: 'never_verified',
        dueOn: '2026-03-15',
        dedupeKey: 'cert:c1:verification_due:never',
      },
    ],
    [
      'confirmed 364 days ago',
      { everChecked: true, lastConfirmedOn: '2026-03-02', latestIsConfirmed: true },
      '2027-03-01',
      null,
    ],
    [
      'confirmed a year ago',
      { everChecked: true, lastConfirmedOn: '2026-03-01', latestIsConfirmed: true },
      '2027-03-01',
      {
        reason: 'check_expired',
        dueOn: '2027-03-01',
        dedupeKey: 'cert:c1:verification_due:2026-03-01',
      },
    ],
    [
      'checked but the latest check failed',
      { everChecked: true, lastConfirmedOn: '2025-01-01', latestIsConfirmed: false },
      '2027-03-01',
      null,
    ],
    ['checked, never confirmed (not found)', { everChecked: true }, '2027-03-01', null],
  ];

  it.each(cases)('%s', (_name, overrides, today, expected) => {
    expect(verificationDue({ ...base, ...overrides }, today)).toEqual(expected);
  });
});
