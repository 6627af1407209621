import type { CertificateStatus } from '../certificates/certificate.entity';
import type { VerificationState } from '../certificates/certificate-links';
import type { VerificationResult } from './verification.entity';
import { CheckFact, statusAfterResult, verificationState } from './verification-state';

const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, n));
const check = (result: VerificationResult, checkedOn: string, n = 0): CheckFact => ({
  result,
  checkedOn,
  recordedAt: at(n),
});

describe('verificationState', () => {
  const cases: [string, CheckFact[], string, string, VerificationState][] = [
    ['no check at all', [], '2025-01-01', '2026-06-01', 'unverified'],
    [
      'confirmed yesterday',
      [check('confirmed', '2026-05-31')],
      '2025-01-01',
      '2026-06-01',
      'verified',
    ],
    [
      'confirmed one day less than a year ago',
      [check('confirmed', '2025-06-02')],
      '2025-01-01',
      '2026-06-01',
      'verified',
    ],
    [
      'confirmed exactly a year ago (stale)',
      [check('confirmed', '2025-06-01')],
      '2025-01-01',
      '2026-06-01',
      'unverified',
    ],
    [
      'not found, issued 10 days ago',
      [check('not_found', '2026-05-30')],
      '2026-05-22',
      '2026-06-01',
      'pending_registry',
    ],
    [
      'not found, issued exactly 45 days ago',
      [check('not_found', '2026-05-30')],
      '2026-04-17',
      '2026-06-01',
      'pending_registry',
    ],
    [
      'not found, issued 46 days ago: pending turned failed',
      [check('not_found', '2026-05-30')],
      '2026-04-16',
      '2026-06-01',
      'failed',
    ],
    [
      'not found for an old certificate',
      [check('not_found', '2026-05-30')],
      '2024-01-01',
      '2026-06-01',
      'failed',
    ],
    ['mismatch', [check('mismatch', '2026-05-30')], '2025-01-01', '2026-06-01', 'failed'],
    ['suspended', [check('suspended', '2026-05-30')], '2025-01-01', '2026-06-01', 'failed'],
    ['withdrawn', [check('withdrawn', '2026-05-30')], '2025-01-01', '2026-06-01', 'failed'],
    [
      'a later confirmation overrides an earlier mismatch',
      [check('mismatch', '2026-05-01'), check('confirmed', '2026-05-20')],
      '2025-01-01',
      '2026-06-01',
      'verified',
    ],
    [
      'a later suspension overrides an earlier confirmation',
      [
        check('confirmed', '2026-05-20'),
        check('suspended', '2026-05-01'),
        check('suspended', '2026-05-25'),
      ],
      '2025-01-01',
      '2026-06-01',
      'failed',
    ],
    [
      'same day: the later recorded check wins',
      [check('confirmed', '2026-05-20', 2), check('mismatch', '2026-05-20', 1)],
      '2025-01-01',
      '2026-06-01',
      'verified',
    ],
  ];

  it.each(cases)('%s', (_name, checks, issuedOn, today, expected) => {
    expect(verificationState(checks, issuedOn, today)).toBe(expected);
  });
});

describe('statusAfterResult', () => {
  const cases: [CertificateStatus, VerificationResult, CertificateStatus | null][] = [
    ['active', 'suspended', 'suspended'],
    ['active', 'withdrawn', 'withdrawn'],
    ['suspended', 'withdrawn', 'withdrawn'],
    ['expired', 'withdrawn', 'withdrawn'],
    ['withdrawn', 'suspended', null],
    ['suspended', 'suspended', null],
    ['superseded', 'withdrawn', null],
    ['active', 'confirmed', null],
    ['active', 'not_found', null],
    ['active', 'mismatch', null],
  ];

  it.each(cases)('%s + %s → %s', (current, result, expected) => {
    expect(statusAfterResult(current, result)).toBe(expected);
  });
});
