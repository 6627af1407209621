import { randomBytes } from 'node:crypto';

/** Request bodies with sensible defaults; override what the test is about. */
export function makeFactory(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `Factory ${randomBytes(3).toString('hex')}`,
    country: 'CN',
    city: 'Ningbo',
    address: '88 Industrial Road',
    licenseNumber: '91350100M000100Y43',
    businessScope: '阀门制造、加工；Manufacture of valves',
    contactEmail: 'quality@factory.example',
    productCategories: ['valves'],
    status: 'active',
    ...overrides,
  };
}

export function makeCertificate(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    standard: 'ISO 9001:2015',
    certificateNumber: `CN-${randomBytes(4).toString('hex').toUpperCase()}`,
    certificationBody: 'China Quality Certification Centre',
    accreditationBody: 'CNAS',
    scope: 'Design and manufacture of industrial valves',
    sites: ['88 Industrial Road, Ningbo'],
    productCategories: ['valves'],
    iafCodes: [18],
    issuedOn: '2025-03-01',
    expiresOn: '2028-02-28',
    nextSurveillanceAuditOn: '2026-02-15',
    ...overrides,
  };
}
