/** Where a copy of a file sits: the holder of the certificate (or submission) it is attached to. */
export interface DocumentCopy {
  documentId: string;
  organizationId: string;
  /** null: the trader's own certificate. */
  factoryId: string | null;
  certificateId: string | null;
}

export interface DuplicateFlag {
  /** The same file (by SHA-256) is attached for another holder: a sign of a borrowed certificate. */
  flagged: boolean;
  /** Another organization has it; nothing else about that organization is told. */
  otherOrganization: boolean;
  /** Certificates of another factory (or the trader's own) of the same organization holding it. */
  otherHolderCertificateIds: string[];
}

/**
 * Decides whether a document is a duplicate of one held elsewhere. Versions of the same
 * holder's files (a re-upload, a renewal carrying the same scan) are not flagged: only a
 * copy held by another factory, by the trader itself, or by another organization is.
 */
export function duplicateFlag(own: DocumentCopy, copies: DocumentCopy[]): DuplicateFlag {
  let otherOrganization = false;
  const otherHolderCertificateIds = new Set<string>();
  let sameOrganizationOtherHolder = false;
  for (const copy of copies) {
    if (copy.documentId === own.documentId) continue;
    if (copy.organizationId !== own.organizationId) {
      otherOrganization = true;
    } else if (copy.factoryId !== own.factoryId) {
      sameOrganizationOtherHolder = true;
      if (copy.certificateId) otherHolderCertificateIds.add(copy.certificateId);
    }
  }
  return {
    flagged: otherOrganization || sameOrganizationOtherHolder,
    otherOrganization,
    otherHolderCertificateIds: [...otherHolderCertificateIds].sort(),
  };
}
