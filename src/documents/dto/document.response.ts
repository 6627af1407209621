import { ApiProperty } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { isTraderStaff } from '../../common/actor';
import type { CertificateDocument } from '../document.entity';
import type { DuplicateFlag } from '../duplicate-documents';

export const DOCUMENT_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

export class DuplicateFlagResponse implements DuplicateFlag {
  @ApiProperty({
    description:
      'The same file (by SHA-256) is attached for another holder: a sign of a borrowed certificate.',
  })
  flagged: boolean;
  @ApiProperty({ description: 'Another organization has it; nothing else about it is told.' })
  otherOrganization: boolean;
  @ApiProperty({
    type: [String],
    description:
      'Certificates of another holder in the organization with the same file (empty for a factory manager).',
  })
  otherHolderCertificateIds: string[];
}

export class DocumentResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  certificateId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  submissionId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  auditId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  findingId: string | null;
  @ApiProperty({ example: 'certificate.pdf' })
  fileName: string;
  @ApiProperty({ enum: DOCUMENT_CONTENT_TYPES, description: 'Detected from the bytes.' })
  contentType: string;
  @ApiProperty({ description: 'Bytes.' })
  size: number;
  @ApiProperty()
  sha256: string;
  @ApiProperty({ description: 'Versions of the same holder count from 1.' })
  version: number;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  uploadedById: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ example: '/api/v1/documents/3f1c…' })
  downloadUrl: string;
  @ApiProperty({ type: DuplicateFlagResponse })
  duplicate: DuplicateFlag;
}

export class DocumentListResponse {
  @ApiProperty({ type: [DocumentResponse], description: 'Every version, newest first.' })
  items: DocumentResponse[];
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
