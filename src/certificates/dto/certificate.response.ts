import { daysBetween } from '../../common/dates';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../common/api-responses';
import type { StandardEdition } from '../../config/standard-transitions';
import { effectiveStatus } from '../certificate-status';
import { Certificate, CERTIFICATE_STATUSES, CertificateStatus } from '../certificate.entity';
import type { CertificateBackingAgreement, VerificationState } from '../certificate-links';

/** The transition of the certificate's edition, from the standards catalogue. */
export class CertificateEditionResponse {
  @ApiProperty({
    enum: ['published', 'expected', 'unknown'],
    description: "`expected`: the edition's publication is not confirmed.",
  })
  status: 'published' | 'expected' | 'unknown';
  @ApiProperty({ type: String, nullable: true, example: 'ISO 9001:2026' })
  successor: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date',
    description: 'From this day every audit must use the successor edition.',
  })
  newEditionAuditsFrom: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date',
    description: 'The last day the certificate counts because of its edition, whatever it says.',
  })
  validUntil: string | null;
  @ApiProperty({
    description: 'Either date is announced or inferred, not yet set by an accreditation document.',
  })
  provisional: boolean;
}

export class CertificateResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: "null: the organization's own certificate.",
  })
  factoryId: string | null;
  @ApiProperty({ enum: ['factory', 'own'] })
  holder: 'factory' | 'own';
  @ApiProperty({ example: 'ISO 9001:2015' })
  standard: string;
  @ApiProperty({ example: '04521Q30112R1M' })
  certificateNumber: string;
  @ApiProperty({ example: 'China Quality Certification Centre' })
  certificationBody: string;
  @ApiProperty({ type: String, nullable: true, example: 'CNAS' })
  accreditationBody: string | null;
  @ApiProperty()
  scope: string;
  @ApiProperty({ type: [String] })
  sites: string[];
  @ApiProperty({ type: [String] })
  productCategories: string[];
  @ApiProperty({ type: [Number] })
  iafCodes: number[];
  @ApiProperty({ format: 'date' })
  issuedOn: string;
  @ApiProperty({ format: 'date' })
  expiresOn: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' })
  nextSurveillanceAuditOn: string | null;
  @ApiProperty({
    enum: CERTIFICATE_STATUSES,
    description:
      "The status in effect: `expired` once past expiresOn or past its edition's validUntil (IAF Resolution 2017-13), whatever was recorded.",
  })
  status: CertificateStatus;
  @ApiProperty({
    enum: CERTIFICATE_STATUSES,
    description: 'The status as recorded (set by people or registries).',
  })
  recordedStatus: CertificateStatus;
  @ApiProperty({ type: CertificateEditionResponse })
  edition: CertificateEditionResponse;
  @ApiProperty({
    description: 'Days from today (organization timezone) to expiresOn; negative once expired.',
  })
  daysUntilExpiry: number;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  supersedesId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  supersededById: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class CertificateLastCheckResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'registry' })
  method: string;
  @ApiProperty({ example: 'confirmed' })
  result: string;
  @ApiProperty({ format: 'date' })
  checkedOn: string;
}

/** Added by the verification feature (certificate-links.ts). */
export class CertificateVerificationSummaryResponse {
  @ApiProperty({
    enum: ['verified', 'unverified', 'pending_registry', 'failed'],
    description:
      'verified: a `confirmed` check newer than a year; failed: mismatch, suspended, withdrawn, or not_found for a certificate issued more than 45 days ago.',
  })
  state: VerificationState;
  @ApiProperty({ type: CertificateLastCheckResponse, nullable: true })
  lastCheck: CertificateLastCheckResponse | null;
}

/** A fact about the certificate that does not add up: a reason to check, never a verdict. */
export class RiskSignalResponse {
  @ApiProperty({ example: 'validity_too_long', description: 'Stable id of the rule.' })
  id: string;
  @ApiProperty({ description: 'Why, in one sentence.' })
  explanation: string;
}

export class ScopeAssessmentResponse {
  @ApiProperty({ enum: ['covered', 'not_covered', 'not_assessed'] })
  result: 'covered' | 'not_covered' | 'not_assessed';
  @ApiProperty({
    description: 'Why, in one sentence; for `not_assessed`, what to add to the vocabulary.',
  })
  explanation: string;
}

export class CertificateBackingResponse implements CertificateBackingAgreement {
  @ApiProperty({ format: 'uuid' })
  agreementId: string;
  @ApiProperty({ enum: ['certification_cooperation', 'scope_expansion', 'audit_disclosure'] })
  kind: 'certification_cooperation' | 'scope_expansion' | 'audit_disclosure';
  @ApiProperty()
  title: string;
  @ApiProperty({ example: 'active' })
  status: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  factoryId: string | null;
}

/** A certificate as the API answers it, with what verification and agreements know of it. */
export class CertificateDetailResponse extends CertificateResponse {
  @ApiProperty({ type: CertificateVerificationSummaryResponse })
  verification: CertificateVerificationSummaryResponse;
  @ApiPropertyOptional({
    type: [RiskSignalResponse],
    description:
      'Trader staff only: factory managers are not shown suspicions about their own papers.',
  })
  signals?: RiskSignalResponse[];
  @ApiPropertyOptional({
    type: ScopeAssessmentResponse,
    nullable: true,
    description: "Trader staff only: how the scope reads against the factory's products.",
  })
  scopeAssessment?: ScopeAssessmentResponse | null;
  @ApiProperty({ type: [CertificateBackingResponse], description: 'The agreements that back it.' })
  backedBy: CertificateBackingResponse[];
}

export class CertificatePage extends PageOf(CertificateDetailResponse) {}

export class RenewedCertificateResponse extends CertificateDetailResponse {
  @ApiProperty({
    type: CertificateDetailResponse,
    description: 'The certificate it renews, now superseded.',
  })
  previous: CertificateDetailResponse;
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
