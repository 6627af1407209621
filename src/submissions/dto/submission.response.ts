import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../common/api-responses';
import { DocumentResponse } from '../../documents/dto/document.response';
import {
  Submission,
  SUBMISSION_KINDS,
  SUBMISSION_STATUSES,
  SubmissionKind,
  SubmissionStatus,
} from '../submission.entity';

export class SubmissionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SUBMISSION_KINDS }) kind: SubmissionKind;
  @ApiProperty({ enum: SUBMISSION_STATUSES }) status: SubmissionStatus;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) factoryId: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The certificate it renews or changes (null for a new certificate).',
  })
  certificateId: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The proposed certificate fields, status or audit date, as submitted.',
  })
  proposal: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) submittedById: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) decidedById: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectionReason: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The certificate created or changed by the approval.',
  })
  resultCertificateId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiPropertyOptional({
    type: [DocumentResponse],
    description: 'The attached documents (single submission answers only).',
  })
  documents?: DocumentResponse[];
}

export class SubmissionPage extends PageOf(SubmissionResponse) {}

export function toSubmissionResponse(
  submission: Submission,
  documents?: DocumentResponse[],
): SubmissionResponse {
  return {
    id: submission.id,
    kind: submission.kind,
    status: submission.status,
    factoryId: submission.factoryId,
    certificateId: submission.certificateId,
    proposal: submission.proposal,
    note: submission.note,
    submittedById: submission.submittedById,
    decidedById: submission.decidedById,
    decidedAt: submission.decidedAt ? submission.decidedAt.toISOString() : null,
    rejectionReason: submission.rejectionReason,
    resultCertificateId: submission.resultCertificateId,
    createdAt: submission.createdAt.toISOString(),
    updatedAt: submission.updatedAt.toISOString(),
    ...(documents ? { documents } : {}),
  };
}
