import { randomBytes } from 'node:crypto';
import type { Account } from '../support/accounts';
import type { TestApp } from '../support/app';
import type { Body, Overrides } from './bodies';

/** Request bodies with sensible defaults; override what the test is about. */
export function makeFactory(
  overrides: Overrides<Body<'CreateFactoryDto'>> = {},
): Overrides<Body<'CreateFactoryDto'>> {
  return {
    name: `Factory ${randomBytes(3).toString('hex')}`,
    country: 'CN',
    city: 'Ningbo',
    address: '88 Industrial Road',
    licenseNumber: '91350100M000100Y43',
    businessScope: '阀门制造、加工；Manufacture of valves',
    contactEmail: 'quality@factory.example',
    // The contact of a CN factory reads Chinese by default; the specs read English.
    contactLocale: 'en',
    productCategories: ['valves'],
    status: 'active',
    ...overrides,
  };
}

export function makeCertificate(
  overrides: Overrides<Body<'CreateCertificateDto'>> = {},
): Overrides<Body<'CreateCertificateDto'>> {
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

export interface CreatedFactory {
  id: string;
  name: string;
}

export interface CreatedCertificate {
  id: string;
  certificateNumber: string;
  status: string;
  factoryId: string | null;
}

/** Creates a factory through the API (expecting 201) from `makeFactory(overrides)`. */
export async function createFactory(
  t: TestApp,
  account: Account,
  overrides: Overrides<Body<'CreateFactoryDto'>> = {},
): Promise<CreatedFactory> {
  const response = await t
    .http()
    .post('/api/v1/factories')
    .set(account.auth)
    .send(makeFactory(overrides))
    .expect(201);
  return response.body as CreatedFactory;
}

/** Creates a certificate through the API (expecting 201) from `makeCertificate(overrides)`. */
export async function createCertificate(
  t: TestApp,
  account: Account,
  overrides: Overrides<Body<'CreateCertificateDto'>> = {},
): Promise<CreatedCertificate> {
  const response = await t
    .http()
    .post('/api/v1/certificates')
    .set(account.auth)
    .send(makeCertificate(overrides))
    .expect(201);
  return response.body as CreatedCertificate;
}
