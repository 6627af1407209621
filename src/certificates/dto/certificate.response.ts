import { daysBetween } from '../../common/dates';
import { Certificate, CertificateStatus } from '../certificate.entity';

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
  status: CertificateStatus;
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
    status: certificate.status,
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
