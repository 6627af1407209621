import type {
  VerificationState,
  CertificateBackingAgreement,
} from '../../certificates/certificate-links';
import type { GapResponse } from './gap.dto';

export type CoverageStatus = 'covered' | 'covered_with_gaps' | 'not_covered';

export interface CoveringCertificate {
  id: string;
  holder: 'factory' | 'own';
  factoryId: string | null;
  factoryName: string | null;
  standard: string;
  certificateNumber: string;
  expiresOn: string;
  nextSurveillanceAuditOn: string | null;
  status: string;
  verification: VerificationState;
}

export interface RequirementCoverage {
  requirementId: string;
  standard: string;
  productCategory: string;
  status: CoverageStatus;
  certificate: CoveringCertificate | null;
  gaps: GapResponse[];
}

export interface CoverageResponse {
  buyer: { id: string; name: string; country: string };
  today: string;
  horizonDays: number;
  requirements: RequirementCoverage[];
}

export interface EvidenceCertificate extends CoveringCertificate {
  certificationBody: string;
  accreditationBody: string | null;
  scope: string;
  sites: string[];
  productCategories: string[];
  issuedOn: string;
}

export interface EvidenceItem {
  requirementId: string;
  standard: string;
  productCategory: string;
  status: CoverageStatus;
  certificate: EvidenceCertificate | null;
  /** The cooperation agreement, scope expansion or audit disclosure that backs the certificate. */
  backing: CertificateBackingAgreement[];
  gaps: GapResponse[];
}

export interface EvidencePack {
  organization: { name: string };
  buyer: { id: string; name: string; country: string; contactEmail: string | null };
  generatedOn: string;
  items: EvidenceItem[];
}
