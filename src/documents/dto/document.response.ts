import type { Actor } from '../../common/actor';
import { isTraderStaff } from '../../common/actor';
import type { CertificateDocument } from '../document.entity';
import type { DuplicateFlag } from '../duplicate-documents';

export interface DocumentResponse {
  id: string;
  certificateId: string | null;
  submissionId: string | null;
  auditId: string | null;
  findingId: string | null;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  version: number;
  uploadedById: string | null;
  createdAt: string;
  downloadUrl: string;
  duplicate: DuplicateFlag;
}

/** Factory managers learn that a copy exists elsewhere, never which certificates hold it. */
export function toDocumentResponse(
  document: CertificateDocument,
  duplicate: DuplicateFlag,
  actor: Actor,
): DocumentResponse {
  return {
    id: document.id,
    certificateId: document.certificateId,
    submissionId: document.submissionId,
    auditId: document.auditId,
    findingId: document.findingId,
    fileName: document.fileName,
    contentType: document.contentType,
    size: document.size,
    sha256: document.sha256,
    version: document.version,
    uploadedById: document.uploadedById,
    createdAt: document.createdAt.toISOString(),
    downloadUrl: `/api/v1/documents/${document.id}`,
    duplicate: isTraderStaff(actor) ? duplicate : { ...duplicate, otherHolderCertificateIds: [] },
  };
}
