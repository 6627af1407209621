import { DomainError, invalidField, notFound } from '../common/errors';
import { ACCEPTED_CONTENT_TYPES } from './document-type';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export const DocumentErrors = {
  notFound: () => notFound('document'),
  missingFile: () =>
    invalidField(
      'DOCUMENT.MISSING_FILE',
      'file',
      'file is required (multipart/form-data field "file")',
    ),
  emptyFile: () => invalidField('DOCUMENT.EMPTY_FILE', 'file', 'file is empty'),
  unsupportedType: () =>
    new DomainError(
      'unsupported_media_type',
      'DOCUMENT.UNSUPPORTED_TYPE',
      `file must be a PDF, JPEG or PNG (${ACCEPTED_CONTENT_TYPES.join(', ')}), judged by its content`,
      [{ field: 'file', message: 'file content is not a PDF, JPEG or PNG' }],
    ),
  notAccepted: (only: readonly string[]) =>
    new DomainError(
      'unsupported_media_type',
      'DOCUMENT.NOT_ACCEPTED',
      `file must be ${only.join(' or ')} here, judged by its content`,
      [{ field: 'file', message: `file content is not ${only.join(' or ')}` }],
    ),
};
