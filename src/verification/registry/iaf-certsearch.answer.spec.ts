import { DomainError } from '../../common/errors';
import { interpretCertSearchAnswer } from './iaf-certsearch.answer';
import type { RegistryQuery } from './registry-adapter';

const query: RegistryQuery = {
  certificateNumber: '04524Q30123R2M',
  standard: 'ISO 9001:2015',
  certificationBody: 'CQC',
  accreditationBody: 'CNAS',
  issuedOn: '2025-03-01',
  expiresOn: '2028-02-28',
  holderName: 'Yuyao Valve',
  holderCountry: 'CN',
  holderLicenseNumber: null,
};

const answer = (certificate: Record<string, unknown>) => ({
  data: {
    ce_id: 'ce_1',
    matched_certified_entity_name: 'YUYAO VALVE CO., LTD.',
    certificates: [
      { cert_id: 'cert_other', certification_number: 'OTHER', certification_status: 'Active' },
      {
        cert_id: 'cert_1',
        certification_number: '04524q30123r2m',
        certification_status: 'Active',
        certification_standards_scheme: [{ standard_name: 'ISO 9001:2015' }],
        ...certificate,
      },
    ],
  },
});

describe('interpretCertSearchAnswer', () => {
  const cases: [string, number, unknown, string][] = [
    ['a valid certificate', 200, answer({}), 'confirmed'],
    ['matching expiry date', 200, answer({ certification_expiry_date: '2028-02-28' }), 'confirmed'],
    ['another expiry date', 200, answer({ certification_expiry_date: '2029-02-28' }), 'mismatch'],
    [
      'another standard',
      200,
      answer({ certification_standards_scheme: [{ standard_name: 'ISO 14001:2015' }] }),
      'mismatch',
    ],
    ['an undocumented status', 200, answer({ certification_status: 'Revalidated' }), 'mismatch'],
    [
      'number not among the entity certificates',
      200,
      answer({ certification_number: 'X1' }),
      'not_found',
    ],
    ['no entity', 200, { data: [] }, 'not_found'],
    ['HTTP 404', 404, { title: 'Not found' }, 'not_found'],
    [
      'several entities, one with the certificate',
      200,
      { data: [{ ce_id: 'a' }, answer({}).data] },
      'confirmed',
    ],
  ];
  it.each(cases)('%s → %s', (_name, status, body, expected) => {
    const finding = interpretCertSearchAnswer(status, body, query);
    expect(finding.result).toBe(expected);
    expect(finding.method).toBe('iaf_certsearch');
    expect(finding.notes.length).toBeGreaterThan(0);
  });

  // IAF MD 28 certification data fields, the CertSearch "Certification Status" dataset:
  // Active, Inactive, Suspended, Cancelled, Draft, Withdrawn, Expired (documented answers).
  it.each([
    ['Active', 'confirmed', 'as valid'],
    ['Inactive', 'mismatch', 'not valid'],
    ['Suspended', 'suspended', 'has suspended'],
    ['Cancelled', 'withdrawn', 'permanently revoked'],
    ['Draft', 'not_found', 'draft'],
    ['Withdrawn', 'withdrawn', 'has withdrawn'],
    ['Expired', 'mismatch', 'end date'],
    ['cbwithdrawn', 'withdrawn', 'withdrawn'],
    [' ACTIVE ', 'confirmed', 'as valid'],
  ])('MD 28 status %s → %s', (status, expected, words) => {
    const finding = interpretCertSearchAnswer(200, answer({ certification_status: status }), query);
    expect(finding.result).toBe(expected);
    expect(finding.notes).toContain(words);
  });

  it('keeps the registry reference of the matched certificate', () => {
    expect(interpretCertSearchAnswer(200, answer({}), query).reference).toBe('cert_1');
  });

  it.each([
    [500, {}],
    [401, {}],
    [429, {}],
    [200, 'not json'],
    [200, { nothing: true }],
  ])('HTTP %s with %p is an upstream failure', (status, body) => {
    expect(() => interpretCertSearchAnswer(status, body, query)).toThrow(DomainError);
    try {
      interpretCertSearchAnswer(status, body, query);
    } catch (error) {
      expect((error as DomainError).kind).toBe('upstream_failed');
    }
  });
});
