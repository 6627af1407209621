import type { Actor } from '../common/actor';
import type { Certificate } from './certificate.entity';

/**
 * Contracts by which other features tell what they know of certificates, without the
 * certificates feature depending on them. The certificates API reaches the insights and
 * the backing through CertificateLinksService, which their modules fill in at start;
 * features that depend on verification or agreements themselves (gaps) inject the
 * tokens, which those modules export.
 */

/** verified: a `confirmed` check newer than a year; failed: mismatch, suspended, withdrawn, or not_found for a certificate issued more than 45 days ago. */
export type VerificationState = 'verified' | 'unverified' | 'pending_registry' | 'failed';

export const VERIFICATION_STATES = Symbol('VERIFICATION_STATES');

export interface VerificationStates {
  /** The state of each certificate; ids not in the map are `unverified`. */
  statesFor(
    organizationId: string,
    certificateIds: string[],
    today: string,
  ): Promise<Map<string, VerificationState>>;
  /** The day the accreditation a certificate claims was withdrawn from its body, if recorded. */
  accreditationWithdrawnOn(
    certificationBody: string,
    accreditationBody: string | null,
  ): string | null;
}

export interface CertificateBackingAgreement {
  agreementId: string;
  kind: 'certification_cooperation' | 'scope_expansion' | 'audit_disclosure';
  title: string;
  status: string;
  factoryId: string | null;
}

export const CERTIFICATE_BACKING = Symbol('CERTIFICATE_BACKING');

export interface CertificateBacking {
  /**
   * The agreements that back each certificate (linked with certificateId, or covering its
   * factory and standard). With `onlyFactoryId` (a factory manager's factory), only that
   * factory's agreements: another factory's agreement is never shown to a manager.
   */
  backingFor(
    organizationId: string,
    certificateIds: string[],
    scope?: { onlyFactoryId: string | null },
  ): Promise<Map<string, CertificateBackingAgreement[]>>;
}

export const CERTIFICATE_INSIGHTS = Symbol('CERTIFICATE_INSIGHTS');

export interface CertificateInsightSource {
  /**
   * Fields added to each certificate's answer (by certificate id), as the actor may see
   * them: the verification feature adds `verification` and, for trader staff, `signals`.
   */
  forCertificates(
    actor: Actor,
    certificates: Certificate[],
    today: string,
  ): Promise<Map<string, object>>;

  /** The ids of the organization's certificates that are `verified` today (the list's `verificationDue` filter). */
  verifiedIds(organizationId: string, today: string): Promise<string[]>;
}
