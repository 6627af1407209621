import type { Certificate } from '../certificates/certificate.entity';
import type { Factory } from '../factories/factory.entity';

/** How an existing record is found for a row: a certificate by number and body, a factory by licence or name. */
export const certificateKey = (number: string, body: string) =>
  `${number.trim().toLowerCase()}|${body.trim().toLowerCase()}`;

export const nameKey = (name: string) => name.trim().toLowerCase();

/** The organization's factories, found by licence number (as stored: CN upper-cased) or by name. */
export class FactoryIndex {
  private readonly byLicense = new Map<string, Factory>();
  private readonly byName = new Map<string, Factory>();

  constructor(factories: Factory[]) {
    for (const factory of factories) {
      if (factory.licenseNumber) this.byLicense.set(factory.licenseNumber.toUpperCase(), factory);
      if (!this.byName.has(nameKey(factory.name))) this.byName.set(nameKey(factory.name), factory);
    }
  }

  /** A certificate row names its factory by licence number or by name. */
  find(reference: string): Factory | undefined {
    return (
      this.byLicense.get(reference.trim().toUpperCase()) ?? this.byName.get(nameKey(reference))
    );
  }

  match(licenseNumber: string | null | undefined, name: string): Factory | undefined {
    if (licenseNumber) {
      const byLicense = this.byLicense.get(licenseNumber.toUpperCase());
      if (byLicense) return byLicense;
    }
    return this.byName.get(nameKey(name));
  }
}

/** The organization's certificates by number and certification body (a renewal may keep both). */
export class CertificateIndex {
  private readonly byKey = new Map<string, Certificate[]>();

  constructor(certificates: Certificate[]) {
    for (const certificate of certificates) {
      const key = certificateKey(certificate.certificateNumber, certificate.certificationBody);
      const list = this.byKey.get(key) ?? [];
      list.push(certificate);
      this.byKey.set(key, list);
    }
  }

  candidates(number: string, body: string): Certificate[] {
    return this.byKey.get(certificateKey(number, body)) ?? [];
  }
}

/** The fields of a row that differ from the record (lists compared in order, dates as text). */
export function changedFields(
  record: object,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const current = record as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (JSON.stringify(normalize(current[key])) !== JSON.stringify(normalize(value)))
      changes[key] = value;
  }
  return changes;
}

function normalize(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value;
}
