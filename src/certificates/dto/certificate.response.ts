import { daysBetween } from '../../common/dates';
import type { StandardEdition } from '../../config/standard-transitions';
import { effectiveStatus } from '../certificate-status';
import { Certificate, CertificateStatus } from '../certificate.entity';

/** The transition of the certificate's edition, from the standards catalogue. */
export interface CertificateEditionResponse {
  /** `expected`: the edition's publication is not confirmed. */
  status: 'published' | 'expected' | 'unknown';
  successor: string | null;
  /** From this day every audit must use the successor edition. */
  newEditionAuditsFrom: string | null;
  /** The last day the certificate counts because of its edition, whatever it says. */
  validUntil: string | null;
  /** Either date is announced or inferred, not yet set by an accreditation document. */
  provisional: boolean;
}

export interface CertificateResponse {
  id: string;
  factoryId: string | null;
  holder: 'factory' | 'own';
  standard: string;
  certificateNumber: string;
  certificationBody: string;
  accreditationBody: string | null;
  scope: string;
  sites: string[];
  productCategories: string[];
  iafCodes: number[];
  issuedOn: string;
  expiresOn: string;
  nextSurveillanceAuditOn: string | null;
  /**
   * The status in effect: `expired` once past expiresOn or past its edition's validUntil
   * (IAF Resolution 2017-13), whatever was recorded.
   */
  status: CertificateStatus;
  /** The status as recorded (set by people or registries). */
  recordedStatus: CertificateStatus;
  edition: CertificateEditionResponse;
  /** Days from today (organization timezone) to expiresOn; negative once expired. */
  daysUntilExpiry: number;
  supersedesId: string | null;
  supersededById: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toCertificateResponse(
  certificate: Certificate,
  today: string,
  edition?: StandardEdition,
): CertificateResponse {
  return {
    id: certificate.id,
    factoryId: certificate.factoryId,
    holder: certificate.factoryId ? 'factory' : 'own',
    standard: certificate.standard,
    certificateNumber: certificate.certificateNumber,
    certificationBody: certificate.certificationBody,
    accreditationBody: certificate.accreditationBody,
    scope: certificate.scope,
    sites: certificate.sites,
    productCategories: certificate.productCategories,
    iafCodes: certificate.iafCodes,
    issuedOn: certificate.issuedOn,
    expiresOn: certificate.expiresOn,
    nextSurveillanceAuditOn: certificate.nextSurveillanceAuditOn,
    status: effectiveStatus(certificate, edition?.validUntil?.date ?? null, today),
    recordedStatus: certificate.status,
    edition: {
      status: edition?.status ?? 'unknown',
      successor: edition?.successor ?? null,
      newEditionAuditsFrom: edition?.newEditionAuditsFrom?.date ?? null,
      validUntil: edition?.validUntil?.date ?? null,
      provisional: Boolean(
        edition?.newEditionAuditsFrom?.provisional || edition?.validUntil?.provisional,
      ),
    },
    daysUntilExpiry: daysBetween(today, certificate.expiresOn),
    supersedesId: certificate.supersedesId,
    supersededById: certificate.supersededById,
    createdAt: certificate.createdAt.toISOString(),
    updatedAt: certificate.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a certificate (no derived fields). */
export function certificateSnapshot(certificate: Certificate): Record<string, unknown> {
  const { createdAt, updatedAt, ...fields } = certificate;
  void createdAt;
  void updatedAt;
  return { ...fields };
}
