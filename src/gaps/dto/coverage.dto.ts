import { ApiProperty } from '@nestjs/swagger';
import type { VerificationState } from '../../certificates/certificate-links';
import { CertificateBackingResponse } from '../../certificates/dto/certificate.response';
import { GapResponse } from './gap.dto';

export type CoverageStatus = 'covered' | 'covered_with_gaps' | 'not_covered';
const COVERAGE_STATUSES = ['covered', 'covered_with_gaps', 'not_covered'];
const VERIFICATION_STATES = ['verified', 'unverified', 'pending_registry', 'failed'];

export class CoveringCertificate {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['factory', 'own'] }) holder: 'factory' | 'own';
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) factoryId: string | null;
  @ApiProperty({ type: String, nullable: true }) factoryName: string | null;
  @ApiProperty() standard: string;
  @ApiProperty() certificateNumber: string;
  @ApiProperty({ format: 'date' }) expiresOn: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' })
  nextSurveillanceAuditOn: string | null;
  @ApiProperty() status: string;
  @ApiProperty({ enum: VERIFICATION_STATES }) verification: VerificationState;
}

export class RequirementCoverage {
  @ApiProperty({ format: 'uuid' }) requirementId: string;
  @ApiProperty() standard: string;
  @ApiProperty() productCategory: string;
  @ApiProperty({ enum: COVERAGE_STATUSES }) status: CoverageStatus;
  @ApiProperty({ type: CoveringCertificate, nullable: true })
  certificate: CoveringCertificate | null;
  @ApiProperty({ type: [GapResponse] }) gaps: GapResponse[];
}

export class CoverageBuyer {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'DE' }) country: string;
}

export class CoverageResponse {
  @ApiProperty({ type: CoverageBuyer }) buyer: CoverageBuyer;
  @ApiProperty({ format: 'date', description: "Today in the organization's timezone." })
  today: string;
  @ApiProperty({ description: 'Certificates expiring within this many days count as gaps.' })
  horizonDays: number;
  @ApiProperty({ type: [RequirementCoverage] }) requirements: RequirementCoverage[];
}

export class EvidenceVerification {
  @ApiProperty() method: string;
  @ApiProperty() result: string;
  @ApiProperty({ format: 'date' }) checkedOn: string;
}

export class EvidenceDocument {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fileName: string;
  @ApiProperty() contentType: string;
}

export class EvidenceCertificate extends CoveringCertificate {
  @ApiProperty() certificationBody: string;
  @ApiProperty({ type: String, nullable: true }) accreditationBody: string | null;
  @ApiProperty() scope: string;
  @ApiProperty({ type: [String] }) sites: string[];
  @ApiProperty({ type: [String] }) productCategories: string[];
  @ApiProperty({ format: 'date' }) issuedOn: string;
  @ApiProperty({
    description:
      "The holder's name as printed on the certificate (the trader's own name for its own certificate).",
  })
  holderName: string;
  @ApiProperty({ type: String, nullable: true }) holderNameEn: string | null;
  @ApiProperty({
    type: EvidenceVerification,
    nullable: true,
    description: 'The latest check of the certificate, or null when it was never checked.',
  })
  latestVerification: EvidenceVerification | null;
  @ApiProperty({
    type: EvidenceDocument,
    nullable: true,
    description: "The certificate's own file (newest version), attached to the PDF pack.",
  })
  document: EvidenceDocument | null;
}

export class EvidenceItem {
  @ApiProperty({ format: 'uuid' }) requirementId: string;
  @ApiProperty() standard: string;
  @ApiProperty() productCategory: string;
  @ApiProperty({ enum: COVERAGE_STATUSES }) status: CoverageStatus;
  @ApiProperty({ type: EvidenceCertificate, nullable: true })
  certificate: EvidenceCertificate | null;
  @ApiProperty({
    type: [CertificateBackingResponse],
    description:
      'The cooperation agreement, scope expansion or audit disclosure that backs the certificate.',
  })
  backing: CertificateBackingResponse[];
  @ApiProperty({ type: [GapResponse] }) gaps: GapResponse[];
  @ApiProperty({
    type: [String],
    description:
      'For the buyer, in its language: what the trader does where the certificate falls short; never a rule id.',
  })
  notes: string[];
}

export class EvidenceFinding {
  @ApiProperty({ enum: ['major', 'minor', 'observation'] })
  severity: 'major' | 'minor' | 'observation';
  @ApiProperty({ type: String, nullable: true }) clause: string | null;
  @ApiProperty() description: string;
  @ApiProperty({ enum: ['open', 'action_proposed', 'verified_closed'] })
  status: 'open' | 'action_proposed' | 'verified_closed';
  @ApiProperty({ type: String, nullable: true, format: 'date' }) dueOn: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) closedOn: string | null;
}

export class EvidenceAuditSection {
  @ApiProperty() title: string;
  @ApiProperty({ type: Number, nullable: true }) score: number | null;
}

export class EvidenceAudit {
  @ApiProperty({ format: 'uuid' }) factoryId: string;
  @ApiProperty({ format: 'date' }) auditedOn: string;
  @ApiProperty() auditor: string;
  @ApiProperty({ type: String, nullable: true }) auditorOrganization: string | null;
  @ApiProperty({ enum: ['on_site', 'remote', 'document_review'] })
  kind: 'on_site' | 'remote' | 'document_review';
  @ApiProperty({ type: [String] }) standards: string[];
  @ApiProperty({ type: [String] }) processes: string[];
  @ApiProperty({ type: Number, nullable: true }) overallScore: number | null;
  @ApiProperty({ type: [EvidenceAuditSection] }) sections: EvidenceAuditSection[];
  @ApiProperty({ type: [EvidenceFinding] }) findings: EvidenceFinding[];
}

export class EvidenceStanding {
  @ApiProperty({ description: "Approved, conditional or not approved, in the buyer's language." })
  status: string;
  @ApiProperty() explanation: string;
}

/** A factory that makes what the buyer requires. */
export class EvidenceMaker {
  @ApiProperty({ format: 'uuid' }) factoryId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) nameEn: string | null;
  @ApiProperty() country: string;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty({ type: [String] }) productCategories: string[];
  @ApiProperty({ type: EvidenceStanding, nullable: true }) standing: EvidenceStanding | null;
  @ApiProperty({ type: EvidenceAudit, nullable: true }) latestAudit: EvidenceAudit | null;
}

export class EvidenceOrganization {
  @ApiProperty() name: string;
}

export class EvidenceBuyer extends CoverageBuyer {
  @ApiProperty({ type: String, nullable: true }) contactEmail: string | null;
}

export class EvidencePack {
  @ApiProperty({
    enum: ['en', 'zh-CN'],
    description: "The buyer's language: every sentence of the pack is in it.",
  })
  locale: 'en' | 'zh-CN';
  @ApiProperty({ type: EvidenceOrganization }) organization: EvidenceOrganization;
  @ApiProperty({ type: EvidenceBuyer }) buyer: EvidenceBuyer;
  @ApiProperty({ format: 'date' }) generatedOn: string;
  @ApiProperty({
    type: [String],
    description: "The product categories the buyer's requirements name.",
  })
  productCategories: string[];
  @ApiProperty({ type: [EvidenceMaker] }) makers: EvidenceMaker[];
  @ApiProperty({ type: [EvidenceItem] }) items: EvidenceItem[];
}
