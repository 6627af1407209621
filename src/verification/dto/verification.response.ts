import { ApiProperty } from '@nestjs/swagger';
import type { VerificationState } from '../../certificates/certificate-links';
import {
  CertificateLastCheckResponse,
  CertificateVerificationSummaryResponse,
} from '../../certificates/dto/certificate.response';
import { PageOf } from '../../common/api-responses';
import { AUDIT_KINDS, type CertificateAudit } from '../certificate-audit.entity';
import { SIGNAL_IDS, type SignalId } from '../signals/signal.rules';
import {
  type CertificateVerification,
  VERIFICATION_METHODS,
  VERIFICATION_RESULTS,
} from '../verification.entity';

export class VerificationRecordResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) certificateId: string;
  @ApiProperty({ enum: VERIFICATION_METHODS }) method: string;
  @ApiProperty({ enum: VERIFICATION_RESULTS }) result: string;
  @ApiProperty({ format: 'date' }) checkedOn: string;
  @ApiProperty({ type: String, nullable: true }) evidenceUrl: string | null;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ example: 'manual', description: 'Who checked: a person or a registry.' })
  source: string;
  @ApiProperty({ type: String, nullable: true }) registryReference: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) createdById: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class VerificationRecordPage extends PageOf(VerificationRecordResponse) {}

/** A check just recorded, with the certificate's verification state after it. */
export class RecordedVerificationResponse extends VerificationRecordResponse {
  @ApiProperty({ type: CertificateVerificationSummaryResponse })
  verification: VerificationSummary;
}

export class RegistryVerificationResponse {
  @ApiProperty({ type: [VerificationRecordResponse], description: 'One check per registry asked.' })
  verifications: VerificationRecordResponse[];
  @ApiProperty({ type: CertificateVerificationSummaryResponse })
  verification: VerificationSummary;
}

export function toVerificationResponse(
  record: CertificateVerification,
): VerificationRecordResponse {
  return {
    id: record.id,
    certificateId: record.certificateId,
    method: record.method,
    result: record.result,
    checkedOn: record.checkedOn,
    evidenceUrl: record.evidenceUrl,
    notes: record.notes,
    source: record.source,
    registryReference: record.registryReference,
    createdById: record.createdById,
    createdAt: record.createdAt.toISOString(),
  };
}

/** What a certificate answers about its verification. */
export interface VerificationSummary {
  state: VerificationState;
  lastCheck: CertificateLastCheckResponse | null;
}

export class CertificationAuditResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) certificateId: string;
  @ApiProperty({ enum: AUDIT_KINDS }) kind: string;
  @ApiProperty({ format: 'date' }) auditedOn: string;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CertificationAuditPage extends PageOf(CertificationAuditResponse) {}

export function toAuditResponse(audit: CertificateAudit): CertificationAuditResponse {
  return {
    id: audit.id,
    certificateId: audit.certificateId,
    kind: audit.kind,
    auditedOn: audit.auditedOn,
    notes: audit.notes,
    createdAt: audit.createdAt.toISOString(),
  };
}

export class SignalListItem {
  @ApiProperty({ enum: SIGNAL_IDS }) id: SignalId;
  @ApiProperty({ description: 'Why, in one sentence: a reason to check, never a verdict.' })
  explanation: string;
  @ApiProperty({ format: 'uuid' }) certificateId: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) factoryId: string | null;
  @ApiProperty() standard: string;
  @ApiProperty() certificateNumber: string;
}

export class SignalPage extends PageOf(SignalListItem) {}

export class VerifyBatchSummaryResponse {
  @ApiProperty() total: number;
  @ApiProperty() checked: number;
  @ApiProperty() skipped: number;
  @ApiProperty() failed: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { confirmed: 12, not_found: 1 },
    description: 'Checks by result.',
  })
  byResult: Partial<Record<string, number>>;
}

export class BulkVerificationResponse {
  @ApiProperty() jobId: string;
  @ApiProperty({
    example: 'waiting-children',
    description: "BullMQ's state of the batch: `waiting-children` while certificates are checked.",
  })
  state: string;
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Certificates finished (checked, skipped or failed after retries).' })
  done: number;
  @ApiProperty({ type: VerifyBatchSummaryResponse, nullable: true })
  summary: VerifyBatchSummaryResponse | null;
  @ApiProperty({ type: String, nullable: true }) failedReason: string | null;
}
