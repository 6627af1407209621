import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-responses';
import type { Actor } from '../common/actor';
import { MAX_DOCUMENT_BYTES } from './documents.errors';
import { DocumentListResponse, toDocumentResponse } from './dto/document.response';
import type { CertificateDocument } from './document.entity';
import type { DuplicateFlag } from './duplicate-documents';

/**
 * Everything an upload route needs, used by the certificate and the submission upload
 * routes alike: one multipart field `file`, at most 10 MB, kept in memory, and its
 * OpenAPI description.
 */
export function DocumentUpload(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseInterceptors(
      FileInterceptor('file', {
        limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 5 },
        // Browsers send file names as raw UTF-8 (Chinese names are common); busboy's default is latin1.
        defParamCharset: 'utf8',
      }),
    ),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file'],
        properties: {
          file: {
            type: 'string',
            format: 'binary',
            description: 'PDF, JPEG or PNG, at most 10 MB',
          },
        },
      },
    }),
    ApiErrors(400, 413, 415),
  );
}

/** The answer of a document list route: every version, each with its duplicate flag. */
export function toDocumentListResponse(
  documents: { document: CertificateDocument; duplicate: DuplicateFlag }[],
  actor: Actor,
): DocumentListResponse {
  return { items: documents.map((d) => toDocumentResponse(d.document, d.duplicate, actor)) };
}
