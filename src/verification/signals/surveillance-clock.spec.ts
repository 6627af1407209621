import {
  presumedLastSurveillance,
  surveillanceDeadline,
  surveillanceDueBy,
  surveillanceRuleFor,
  surveillanceStatus,
} from './surveillance-clock';

// CNCA-QMS-01:2025, 5.4.1.4: first surveillance within 12 months of the issue date, then
// at most 12 months apart; overdue → the certificate must be suspended.
describe('CNCA surveillance clock (CNCA-QMS-01:2025, 5.4.1.4)', () => {
  const certificate = { issuedOn: '2026-01-15', expiresOn: '2029-01-14' };
  it.each([
    [null, '2027-01-15'], // first: 12 months from the issue date
    ['2026-12-20', '2027-12-20'], // then 12 months from the last surveillance
    ['2027-12-20', '2028-12-20'],
    ['2025-12-01', '2027-01-15'], // an audit before issue (the initial one) does not count
  ])('last surveillance %s → due by %s', (last, dueBy) => {
    expect(surveillanceDueBy('CNCA-QMS-01:2025', certificate.issuedOn, last)).toBe(dueBy);
  });

  it.each([
    ['2027-01-15', false],
    ['2027-01-16', true],
  ])('on %s overdue: %s (suspension due)', (today, overdue) => {
    expect(surveillanceStatus('CNCA-QMS-01:2025', certificate, null, today)).toEqual({
      rule: 'CNCA-QMS-01:2025',
      dueBy: '2027-01-15',
      overdue,
      suspensionDue: overdue,
    });
  });

  it('leaves the last year to the recertification audit', () => {
    expect(
      surveillanceStatus('CNCA-QMS-01:2025', certificate, '2028-02-01', '2028-06-01'),
    ).toBeNull();
  });
});

// ISO/IEC 17021-1:2015, 9.6.2.2: first within 12 months of the certification decision,
// then at least once a calendar year.
describe('ISO/IEC 17021-1 surveillance clock (9.6.2.2)', () => {
  it.each([
    [null, '2027-01-15'],
    ['2026-12-20', '2027-12-31'],
    ['2027-03-01', '2028-12-31'],
  ])('last surveillance %s → due by %s', (last, dueBy) => {
    expect(surveillanceDueBy('ISO/IEC 17021-1:2015', '2026-01-15', last)).toBe(dueBy);
  });

  it('is not a suspension rule', () => {
    expect(
      surveillanceStatus(
        'ISO/IEC 17021-1:2015',
        { issuedOn: '2026-01-15', expiresOn: '2029-01-14' },
        null,
        '2027-02-01',
      ),
    ).toMatchObject({ overdue: true, suspensionDue: false });
  });
});

// CNCA-QMS-01:2025 governs certificates of CNCA-approved bodies: in mainland China only
// those may certify, and CNAS accredits only them; elsewhere ISO/IEC 17021-1 9.6.2.2.
describe('surveillanceRuleFor', () => {
  it.each([
    [{ country: 'CN', accreditationEconomy: null }, 'CNCA-QMS-01:2025'],
    [{ country: 'VN', accreditationEconomy: 'CN' }, 'CNCA-QMS-01:2025'],
    [{ country: null, accreditationEconomy: 'CN' }, 'CNCA-QMS-01:2025'],
    [{ country: 'VN', accreditationEconomy: 'GB' }, 'ISO/IEC 17021-1:2015'],
    [{ country: 'HK', accreditationEconomy: 'HK' }, 'ISO/IEC 17021-1:2015'],
    [{ country: null, accreditationEconomy: null }, 'ISO/IEC 17021-1:2015'],
  ])('%p → %s', (holder, rule) => {
    expect(surveillanceRuleFor(holder)).toBe(rule);
  });
});

// CNCA-QMS-01:2025 5.4.1.4: due within 12 months of the issue date (2026-01-15 → 2027-01-15);
// an overdue surveillance means suspension, so the trader hears of it 30 and 7 days before.
describe('surveillanceDeadline (the surveillance_deadline reminder)', () => {
  const certificate = { issuedOn: '2026-01-15', expiresOn: '2029-01-14' };
  const on = (today: string, next: string | null = null) =>
    surveillanceDeadline(
      surveillanceStatus('CNCA-QMS-01:2025', certificate, null, today),
      next,
      today,
    );
  it.each([
    ['2026-12-15', null, null], // 31 days before
    ['2026-12-16', null, { dueBy: '2027-01-15', threshold: 30 }],
    ['2027-01-07', null, { dueBy: '2027-01-15', threshold: 30 }],
    ['2027-01-08', null, { dueBy: '2027-01-15', threshold: 7 }],
    ['2027-01-15', null, { dueBy: '2027-01-15', threshold: 7 }], // the last day
    ['2027-01-16', null, { dueBy: '2027-01-15', threshold: 'overdue' }],
    ['2027-01-08', '2027-01-10', null], // planned in time: surveillance_audit_due says so
    ['2027-01-08', '2027-02-01', { dueBy: '2027-01-15', threshold: 7 }], // planned too late
    ['2027-01-16', '2027-01-10', { dueBy: '2027-01-15', threshold: 'overdue' }],
  ])('on %s, next audit %s → %p', (today, next, expected) => {
    expect(on(today, next)).toEqual(expected);
  });
});

// Audits due before the certificate was recorded here are presumed done on time: the
// reminder looks forward from the day certpact learned of the certificate.
describe('presumedLastSurveillance', () => {
  it.each([
    // issued 2025-03-01; CNCA-QMS-01:2025 5.4.1.4 deadlines 2026-03-01, 2027-03-01
    ['CNCA-QMS-01:2025', null, '2026-02-01', null],
    ['CNCA-QMS-01:2025', null, '2026-03-01', null], // the deadline day itself is still open
    ['CNCA-QMS-01:2025', null, '2026-03-02', '2026-03-01'],
    ['CNCA-QMS-01:2025', null, '2027-05-01', '2027-03-01'],
    ['CNCA-QMS-01:2025', '2026-02-10', '2026-06-01', '2026-02-10'], // a recorded audit counts
    // ISO/IEC 17021-1 9.6.2.2: 2026-03-01, then by 2027-12-31
    ['ISO/IEC 17021-1:2015', null, '2027-05-01', '2026-03-01'],
  ] as const)('%s, last %s, recorded %s → %s', (rule, last, recordedOn, expected) => {
    expect(presumedLastSurveillance(rule, '2025-03-01', last, recordedOn)).toBe(expected);
  });
});
