import {
  CERTIFICATE_STATUSES,
  CertificateStatus,
  effectiveStatus,
  expiredFrom,
  isInForce,
  lapsesBy,
  WEIGHED_STATUSES,
} from './certificate-status';

describe('effectiveStatus: expired from the first day after the last valid day', () => {
  it.each<[CertificateStatus, string, string | null, string, CertificateStatus]>([
    ['active', '2026-11-22', null, '2026-11-22', 'active'], // its last day
    ['active', '2026-11-22', null, '2026-11-23', 'expired'], // the day after
    ['active', '2026-11-22', null, '2026-12-02', 'expired'], // ten days later
    ['suspended', '2026-11-22', null, '2026-11-23', 'expired'],
    ['suspended', '2026-11-22', null, '2026-11-21', 'suspended'],
    ['withdrawn', '2026-11-22', null, '2026-12-02', 'withdrawn'],
    ['superseded', '2026-11-22', null, '2026-12-02', 'superseded'],
    ['expired', '2027-11-22', null, '2026-12-02', 'expired'], // recorded so by a person
    // the edition's validUntil comes first (IAF Resolution 2017-13)
    ['active', '2019-05-01', '2018-09-15', '2018-09-15', 'active'],
    ['active', '2019-05-01', '2018-09-15', '2018-09-16', 'expired'],
    // validUntil after expiresOn changes nothing
    ['active', '2026-11-22', '2027-06-30', '2026-11-23', 'expired'],
  ])('%s, expiresOn %s, validUntil %s, on %s: %s', (status, expiresOn, validUntil, today, want) => {
    expect(effectiveStatus({ status, expiresOn }, validUntil, today)).toBe(want);
  });

  it('names the first expired day', () => {
    expect(expiredFrom('2026-12-31', null)).toBe('2027-01-01');
    expect(expiredFrom('2019-05-01', '2018-09-15')).toBe('2018-09-16');
  });

  it('lapses only what is recorded as still in force', () => {
    expect(lapsesBy({ status: 'active', expiresOn: '2026-11-22' }, null, '2026-11-23')).toBe(true);
    expect(lapsesBy({ status: 'active', expiresOn: '2026-11-22' }, null, '2026-11-22')).toBe(false);
    expect(lapsesBy({ status: 'expired', expiresOn: '2026-11-22' }, null, '2026-11-23')).toBe(
      false,
    );
    expect(lapsesBy({ status: 'withdrawn', expiresOn: '2026-11-22' }, null, '2026-11-23')).toBe(
      false,
    );
  });
});

describe('which statuses count, in one place', () => {
  it.each(CERTIFICATE_STATUSES.map((status) => [status]))('%s', (status) => {
    expect(isInForce(status)).toBe(status === 'active' || status === 'suspended');
    expect((WEIGHED_STATUSES as readonly string[]).includes(status)).toBe(
      isInForce(status) || status === 'withdrawn',
    );
  });
});
