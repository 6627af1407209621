import type { VerificationMethod, VerificationResult } from '../verification.entity';

/** What a registry is asked about one certificate. */
export interface RegistryQuery {
  certificateNumber: string;
  standard: string;
  certificationBody: string;
  accreditationBody: string | null;
  issuedOn: string;
  expiresOn: string;
  /** The certified organization: the factory, or the trader for its own certificates. */
  holderName: string;
  /** ISO 3166-1 alpha-2. */
  holderCountry: string;
  /** The business licence number (for China the Unified Social Credit Code), when known. */
  holderLicenseNumber: string | null;
}

/** A registry's answer, stored as a verification record. */
export interface RegistryFinding {
  method: VerificationMethod;
  result: VerificationResult;
  /** The registry's own id of the matched certificate, when it has one. */
  reference: string | null;
  evidenceUrl: string | null;
  /** One or two sentences on what the registry said. */
  notes: string;
}

/**
 * A certificate registry that can be asked whether a certificate exists and is valid.
 * `lookUp` answers a finding, or throws a DomainError of kind `upstream_failed` when the
 * registry cannot be reached or does not answer sensibly (nothing is stored then).
 */
export interface RegistryAdapter {
  readonly method: VerificationMethod;
  /** A human name for messages, e.g. "IAF CertSearch". */
  readonly name: string;
  /** False when its configuration (URL, API key) is missing: the adapter is off. */
  isConfigured(): boolean;
  lookUp(query: RegistryQuery): Promise<RegistryFinding>;
}

/** Every registry adapter (configured or not), provided as an array. */
export const REGISTRY_ADAPTERS = Symbol('REGISTRY_ADAPTERS');
