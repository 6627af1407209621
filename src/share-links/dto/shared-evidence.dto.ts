import { ApiProperty } from '@nestjs/swagger';
import type { EvidencePack } from '../../gaps/dto/coverage.dto';

/** What the buyer sees through a share link: no internal ids, no rule ids. */
export class SharedVerification {
  @ApiProperty({ enum: ['verified', 'unverified', 'pending_registry', 'failed'] }) state: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-11-12',
    description: 'When the certificate was last checked',
  })
  lastCheckedOn: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'cnca' }) method: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'confirmed' }) result: string | null;
}

export class SharedCertificate {
  @ApiProperty({ example: '余姚精密阀门厂' }) holderName: string;
  @ApiProperty({ type: String, nullable: true, example: 'Yuyao Precision Valve Factory' })
  holderNameEn: string | null;
  @ApiProperty({ enum: ['factory', 'own'] }) holder: 'factory' | 'own';
  @ApiProperty() standard: string;
  @ApiProperty() certificateNumber: string;
  @ApiProperty() certificationBody: string;
  @ApiProperty({ type: String, nullable: true }) accreditationBody: string | null;
  @ApiProperty() scope: string;
  @ApiProperty({ type: [String] }) sites: string[];
  @ApiProperty() issuedOn: string;
  @ApiProperty() expiresOn: string;
  @ApiProperty({ type: String, nullable: true }) nextSurveillanceAuditOn: string | null;
  @ApiProperty({ example: 'active', description: 'Its current status' }) status: string;
  @ApiProperty({ type: SharedVerification }) verification: SharedVerification;
}

export class SharedRequirement {
  @ApiProperty() standard: string;
  @ApiProperty() productCategory: string;
  @ApiProperty() covered: boolean;
  @ApiProperty({ type: SharedCertificate, nullable: true }) certificate: SharedCertificate | null;
  @ApiProperty({
    type: [String],
    description: 'What the trader does where the certificate falls short, in the buyer’s language',
  })
  notes: string[];
}

export class SharedFinding {
  @ApiProperty({ enum: ['major', 'minor', 'observation'] }) severity: string;
  @ApiProperty({ type: String, nullable: true }) clause: string | null;
  @ApiProperty() description: string;
  @ApiProperty({ enum: ['open', 'action_proposed', 'verified_closed'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) dueOn: string | null;
  @ApiProperty({ type: String, nullable: true }) closedOn: string | null;
}

export class SharedAuditSection {
  @ApiProperty() title: string;
  @ApiProperty({ type: Number, nullable: true }) score: number | null;
}

export class SharedAudit {
  @ApiProperty() auditedOn: string;
  @ApiProperty() auditor: string;
  @ApiProperty({ type: String, nullable: true }) auditorOrganization: string | null;
  @ApiProperty({ enum: ['on_site', 'remote', 'document_review'] }) kind: string;
  @ApiProperty({ type: [String] }) standards: string[];
  @ApiProperty({ type: Number, nullable: true }) overallScore: number | null;
  @ApiProperty({ type: [SharedAuditSection] }) sections: SharedAuditSection[];
  @ApiProperty({ type: [SharedFinding] }) findings: SharedFinding[];
}

export class SharedStanding {
  @ApiProperty({ enum: ['approved', 'conditional', 'not_approved'] }) status: string;
  @ApiProperty() explanation: string;
}

export class SharedMaker {
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) nameEn: string | null;
  @ApiProperty() country: string;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty({ type: [String] }) productCategories: string[];
  @ApiProperty({ type: SharedStanding, nullable: true }) standing: SharedStanding | null;
  @ApiProperty({ type: SharedAudit, nullable: true }) latestAudit: SharedAudit | null;
}

export class SharedEvidenceResponse {
  @ApiProperty({ enum: ['en', 'zh-CN'] }) locale: 'en' | 'zh-CN';
  @ApiProperty({ example: 'Ningbo Export Trading' }) trader: string;
  @ApiProperty({ example: 'Hansen Industrial GmbH' }) buyer: string;
  @ApiProperty({
    example: '2026-12-01',
    description: 'The day this answer was worked out (statuses are live)',
  })
  checkedOn: string;
  @ApiProperty() expiresAt: string;
  @ApiProperty({ type: [String] }) productCategories: string[];
  @ApiProperty({ type: [SharedMaker] }) makers: SharedMaker[];
  @ApiProperty({ type: [SharedRequirement] }) requirements: SharedRequirement[];
  @ApiProperty({
    example: '/api/v1/shared/3q2-…/evidence-pack',
    description: 'The same evidence as a PDF',
  })
  pdfUrl: string;
}

export function toSharedEvidence(
  pack: EvidencePack,
  expiresAt: Date,
  pdfUrl: string,
): SharedEvidenceResponse {
  return {
    locale: pack.locale,
    trader: pack.organization.name,
    buyer: pack.buyer.name,
    checkedOn: pack.generatedOn,
    expiresAt: expiresAt.toISOString(),
    productCategories: pack.productCategories,
    makers: pack.makers.map((m) => ({
      name: m.name,
      nameEn: m.nameEn,
      country: m.country,
      city: m.city,
      productCategories: m.productCategories,
      standing: m.standing,
      latestAudit: m.latestAudit
        ? {
            auditedOn: m.latestAudit.auditedOn,
            auditor: m.latestAudit.auditor,
            auditorOrganization: m.latestAudit.auditorOrganization,
            kind: m.latestAudit.kind,
            standards: m.latestAudit.standards,
            overallScore: m.latestAudit.overallScore,
            sections: m.latestAudit.sections,
            findings: m.latestAudit.findings,
          }
        : null,
    })),
    requirements: pack.items.map((item) => {
      const c = item.certificate;
      return {
        standard: item.standard,
        productCategory: item.productCategory,
        covered: c !== null,
        certificate: c
          ? {
              holderName: c.holderName,
              holderNameEn: c.holderNameEn,
              holder: c.holder,
              standard: c.standard,
              certificateNumber: c.certificateNumber,
              certificationBody: c.certificationBody,
              accreditationBody: c.accreditationBody,
              scope: c.scope,
              sites: c.sites,
              issuedOn: c.issuedOn,
              expiresOn: c.expiresOn,
              nextSurveillanceAuditOn: c.nextSurveillanceAuditOn,
              status: c.status,
              verification: {
                state: c.verification,
                lastCheckedOn: c.latestVerification?.checkedOn ?? null,
                method: c.latestVerification?.method ?? null,
                result: c.latestVerification?.result ?? null,
              },
            }
          : null,
        notes: item.notes,
      };
    }),
    pdfUrl,
  };
}
