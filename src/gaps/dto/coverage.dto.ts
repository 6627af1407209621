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
  /** The holder's name as printed on the certificate, and in English (the trader's own name for its own certificate). */
  holderName: string;
  holderNameEn: string | null;
  /** The latest check of the certificate, or null when it was never checked. */
  latestVerification: { method: string; result: string; checkedOn: string } | null;
  /** The certificate's own file (newest version), attached to the PDF pack. */
  document: { id: string; fileName: string; contentType: string } | null;
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
  /** For the buyer, in its language: what the trader does where the certificate falls short; never a rule id. */
  notes: string[];
}

export interface EvidenceFinding {
  severity: 'major' | 'minor' | 'observation';
  clause: string | null;
  description: string;
  status: 'open' | 'action_proposed' | 'verified_closed';
  dueOn: string | null;
  closedOn: string | null;
}

export interface EvidenceAudit {
  factoryId: string;
  auditedOn: string;
  auditor: string;
  auditorOrganization: string | null;
  kind: 'on_site' | 'remote' | 'document_review';
  standards: string[];
  processes: string[];
  overallScore: number | null;
  sections: { title: string; score: number | null }[];
  findings: EvidenceFinding[];
}

/** A factory that makes what the buyer requires. */
export interface EvidenceMaker {
  factoryId: string;
  name: string;
  nameEn: string | null;
  country: string;
  city: string | null;
  productCategories: string[];
  /** Approved, conditional or not approved, in the buyer's language. */
  standing: { status: string; explanation: string } | null;
  latestAudit: EvidenceAudit | null;
}

export interface EvidencePack {
  /** The buyer's language: every sentence of the pack is in it. */
  locale: 'en' | 'zh-CN';
  organization: { name: string };
  buyer: { id: string; name: string; country: string; contactEmail: string | null };
  generatedOn: string;
  /** The product categories the buyer's requirements name. */
  productCategories: string[];
  makers: EvidenceMaker[];
  items: EvidenceItem[];
}
