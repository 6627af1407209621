import type { DocumentResponse } from '../../documents/dto/document.response';
import type { Submission, SubmissionKind, SubmissionStatus } from '../submission.entity';

export interface SubmissionResponse {
  id: string;
  kind: SubmissionKind;
  status: SubmissionStatus;
  factoryId: string | null;
  certificateId: string | null;
  proposal: Record<string, unknown>;
  note: string | null;
  submittedById: string | null;
  decidedById: string | null;
  decidedAt: string | null;
  rejectionReason: string | null;
  resultCertificateId: string | null;
  createdAt: string;
  updatedAt: string;
  documents?: DocumentResponse[];
}

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
