import { surveillanceDueBy, surveillanceRuleFor, surveillanceStatus } from './surveillance-clock';

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
