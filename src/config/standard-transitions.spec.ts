import { readFileSync } from 'node:fs';
import {
  catalogueProblems,
  editionLine,
  editionValidOn,
  effectiveCertificateStatus,
  nextAudit,
  StandardEdition,
  transitionAuditDue,
} from './standard-transitions';
import { configFile } from './project-root';

const shipped = (
  JSON.parse(readFileSync(configFile('standards.json'), 'utf8')) as { standards: StandardEdition[] }
).standards;
const edition = (code: string) => shipped.find((s) => s.code === code)!;

describe('the shipped catalogue (config/standards.json)', () => {
  it('is sound', () => {
    expect(catalogueProblems({ standards: shipped })).toEqual([]);
  });

  it('records ISO 14001:2026 as published on 2026-04-15 (ISO), ISO 9001:2026 as not confirmed', () => {
    expect(edition('ISO 14001:2026')).toMatchObject({
      status: 'published',
      publishedOn: '2026-04-15',
    });
    expect(edition('ISO 9001:2026')).toMatchObject({ status: 'expected', publishedOn: null });
  });

  it('carries the two dates of IAF Resolution 2017-13 for ISO 9001:2008 and ISO 14001:2004', () => {
    for (const code of ['ISO 9001:2008', 'ISO 14001:2004']) {
      expect(edition(code).newEditionAuditsFrom?.date).toBe('2018-03-15');
      expect(edition(code).validUntil?.date).toBe('2018-09-15');
      expect(edition(code).validUntil?.source).toContain('IAF Resolution 2017-13');
    }
  });

  it('ends OHSAS 18001:2007 on 2021-09-30 (IAF MD 21, extended by IAF COVID-19 FAQ Q15)', () => {
    expect(edition('OHSAS 18001:2007').validUntil).toMatchObject({
      date: '2021-09-30',
      provisional: false,
    });
    expect(edition('OHSAS 18001:2007').validUntil?.source).toContain('Q15');
  });

  it('marks the ISO 14001:2015 dates provisional, with their source', () => {
    expect(edition('ISO 14001:2015').validUntil).toMatchObject({
      date: '2029-04-15',
      provisional: true,
    });
    expect(edition('ISO 14001:2015').newEditionAuditsFrom).toMatchObject({ provisional: true });
  });

  it('follows successors: ISO 9001:2008 → 2015 → 2026', () => {
    const byCode = new Map(shipped.map((s) => [s.code, s]));
    expect(editionLine('ISO 9001:2008', byCode)).toEqual([
      'ISO 9001:2008',
      'ISO 9001:2015',
      'ISO 9001:2026',
    ]);
  });
});

describe('catalogueProblems names the faulty entry', () => {
  const good = edition('ISO 9001:2008');
  const cases: [string, unknown, string][] = [
    ['no list', {}, 'standards must be a non-empty list'],
    [
      'bad validUntil date',
      {
        standards: [
          ...shipped.filter((s) => s.code !== good.code),
          { ...good, validUntil: { ...good.validUntil, date: '15/09/2018' } },
        ],
      },
      '"ISO 9001:2008": validUntil.date must be a date',
    ],
    [
      'no source',
      {
        standards: [
          ...shipped.filter((s) => s.code !== good.code),
          { ...good, validUntil: { ...good.validUntil, source: '' } },
        ],
      },
      '"ISO 9001:2008": validUntil.source must say where',
    ],
    [
      'unknown successor',
      { standards: [{ ...good, successor: 'ISO 9001:2099' }] },
      '"ISO 9001:2008": successor must be null or the code of another edition',
    ],
    [
      'audits after void',
      {
        standards: [
          ...shipped.filter((s) => s.code !== good.code),
          { ...good, newEditionAuditsFrom: { ...good.newEditionAuditsFrom, date: '2019-01-01' } },
        ],
      },
      'newEditionAuditsFrom 2019-01-01 must not be after validUntil 2018-09-15',
    ],
    [
      'bad status',
      { standards: [{ ...edition('ISO 14001:2026'), status: 'maybe' }] },
      '"ISO 14001:2026": status must be one of published, expected',
    ],
    [
      'twice',
      { standards: [edition('ISO 14001:2026'), edition('ISO 14001:2026')] },
      '"ISO 14001:2026": code is listed twice',
    ],
  ];
  it.each(cases)('%s', (_name, raw, message) => {
    expect(catalogueProblems(raw).join('\n')).toContain(message);
  });
});

// IAF Resolution 2017-13: audits to ISO 9001:2015 from 2018-03-15; ISO 9001:2008 certificates
// expire or are withdrawn on 2018-09-15, whatever date they carry.
describe('the two transition dates (IAF Resolution 2017-13)', () => {
  const iso9001v2008 = edition('ISO 9001:2008');
  const certificate = { status: 'active' as const, expiresOn: '2019-06-30' };

  it.each([
    ['2018-09-14', 'active'],
    ['2018-09-15', 'active'],
    ['2018-09-16', 'expired'],
  ])('validUntil: an ISO 9001:2008 certificate on %s is %s', (today, status) => {
    expect(effectiveCertificateStatus(certificate, iso9001v2008, today)).toBe(status);
    expect(editionValidOn(iso9001v2008, today)).toBe(status === 'active');
  });

  it('keeps withdrawn and superseded certificates as they are, and current editions valid', () => {
    expect(effectiveCertificateStatus({ status: 'withdrawn' }, iso9001v2008, '2020-01-01')).toBe(
      'withdrawn',
    );
    expect(effectiveCertificateStatus({ status: 'suspended' }, iso9001v2008, '2020-01-01')).toBe(
      'expired',
    );
    expect(
      effectiveCertificateStatus({ status: 'active' }, edition('ISO 9001:2015'), '2030-01-01'),
    ).toBe('active');
  });

  it.each([
    // [next surveillance audit, today, expected kind of notice or null]
    ['2018-03-14', '2018-01-01', null], // the day before newEditionAuditsFrom: may still use 2008
    ['2018-03-15', '2018-01-01', 'surveillance'], // from that day: a transition audit
    ['2018-03-16', '2018-01-01', 'surveillance'],
  ])('newEditionAuditsFrom: a surveillance audit on %s (today %s) → %s', (auditOn, today, kind) => {
    const due = transitionAuditDue(
      { expiresOn: '2019-06-30', nextSurveillanceAuditOn: auditOn },
      iso9001v2008,
      today,
    );
    expect(due?.audit.kind ?? null).toBe(kind);
    if (due)
      expect(due).toMatchObject({ successor: 'ISO 9001:2015', newEditionAuditsFrom: '2018-03-15' });
  });
});

describe('transition_audit_due timing', () => {
  const iso14001v2015 = edition('ISO 14001:2015'); // provisional: audits from 2028-10-15, void after 2029-04-15
  const surveillanceOn = '2028-11-20';
  const cert = { expiresOn: '2030-01-31', nextSurveillanceAuditOn: surveillanceOn };

  it.each([
    ['2028-05-23', null], // 181 days before: not yet
    ['2028-05-24', 180], // 180 days before
    ['2028-08-21', 180],
    ['2028-08-22', 90],
    ['2028-10-21', 30],
    ['2028-11-20', 30], // the audit day itself
    ['2028-11-21', null], // the audit date has passed
  ])('on %s → threshold %s', (today, threshold) => {
    expect(transitionAuditDue(cert, iso14001v2015, today)?.thresholdDays ?? null).toBe(threshold);
  });

  it('uses the recertification (by expiry) when no surveillance audit is ahead', () => {
    const due = transitionAuditDue(
      { expiresOn: '2028-12-01', nextSurveillanceAuditOn: null },
      iso14001v2015,
      '2028-09-02', // 90 days before
    );
    expect(due).toMatchObject({
      audit: { kind: 'recertification', dueOn: '2028-12-01' },
      thresholdDays: 90,
    });
  });

  it('is silent before newEditionAuditsFrom, for current editions and for undecided dates', () => {
    expect(
      transitionAuditDue(
        { expiresOn: '2028-10-14', nextSurveillanceAuditOn: null },
        iso14001v2015,
        '2028-09-01',
      ),
    ).toBeNull();
    expect(transitionAuditDue(cert, edition('ISO 14001:2026'), '2028-09-01')).toBeNull();
    expect(transitionAuditDue(cert, edition('ISO 9001:2015'), '2028-09-01')).toBeNull();
    expect(transitionAuditDue(cert, undefined, '2028-09-01')).toBeNull();
  });

  // IAF MD 26:2023: from 2024-05-01 no initial or recertification audit to ISO/IEC 27001:2013;
  // surveillance audits could still use it until the end of the transition.
  it('keeps to appliesTo: ISO/IEC 27001:2013 surveillance audits are not transition audits (IAF MD 26)', () => {
    const iso27001v2013 = edition('ISO/IEC 27001:2013');
    expect(
      transitionAuditDue(
        { expiresOn: '2025-06-30', nextSurveillanceAuditOn: '2024-06-01' },
        iso27001v2013,
        '2024-05-01',
      ),
    ).toBeNull();
    expect(
      transitionAuditDue(
        { expiresOn: '2024-08-01', nextSurveillanceAuditOn: null },
        iso27001v2013,
        '2024-05-01',
      )?.audit.kind,
    ).toBe('recertification');
  });

  it('next audit: a past surveillance date gives way to the recertification', () => {
    expect(
      nextAudit({ expiresOn: '2029-01-01', nextSurveillanceAuditOn: '2028-01-01' }, '2028-06-01'),
    ).toEqual({ kind: 'recertification', dueOn: '2029-01-01' });
  });
});
