/**
 * Which of the accepted document types a file is, judged by its first bytes (its "magic
 * number"), never by its name or the type the client claims.
 *
 * Why not the `file-type` package (what Nest's FileTypeValidator uses): it is ESM-only
 * and is loaded with a dynamic import that the Jest runtime refuses without
 * --experimental-vm-modules, so the e2e tests would exercise a different path than
 * production. Three signatures are all we accept, and they are fixed by their formats.
 */
export interface DocumentType {
  contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
  extension: 'pdf' | 'jpg' | 'png';
}

const SIGNATURES: { bytes: number[]; offset: number; type: DocumentType }[] = [
  // "%PDF-" (ISO 32000-1, 7.5.2). Readers accept the header within the first 1024 bytes,
  // but a well-formed file starts with it, and we only take well-formed files.
  {
    bytes: [0x25, 0x50, 0x44, 0x46, 0x2d],
    offset: 0,
    type: { contentType: 'application/pdf', extension: 'pdf' },
  },
  // SOI marker followed by the start of a segment marker.
  { bytes: [0xff, 0xd8, 0xff], offset: 0, type: { contentType: 'image/jpeg', extension: 'jpg' } },
  // The 8-byte PNG signature.
  {
    bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    offset: 0,
    type: { contentType: 'image/png', extension: 'png' },
  },
];

export const ACCEPTED_CONTENT_TYPES = SIGNATURES.map((s) => s.type.contentType);

export function detectDocumentType(content: Uint8Array): DocumentType | null {
  for (const signature of SIGNATURES) {
    if (content.length < signature.offset + signature.bytes.length) continue;
    if (signature.bytes.every((byte, i) => content[signature.offset + i] === byte)) {
      return signature.type;
    }
  }
  return null;
}
