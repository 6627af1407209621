import { DomainError, FieldProblem, notFound, UnavailableError } from '../common/errors';
import { MAX_IMPORT_ROWS } from './import-sheet.rules';

/** What the file names in header problems: the column letter and the header as written. */
const columnProblem = (column: string, header: string, message: string): FieldProblem => ({
  field: column,
  message: `${header}: ${message}`,
});

export const ImportErrors = {
  notFound: () => notFound('import'),
  fileRequired: () =>
    new DomainError(
      'invalid',
      'IMPORT.FILE_REQUIRED',
      'Send the file as the multipart field file',
      [{ field: 'file', message: 'file is required' }],
    ),
  emptyFile: () =>
    new DomainError('invalid', 'IMPORT.EMPTY_FILE', 'The file is empty', [
      { field: 'file', message: 'the file is empty' },
    ]),
  unsupportedFile: (what: 'xls' | 'binary') =>
    new DomainError(
      'unsupported_media_type',
      'IMPORT.UNSUPPORTED_FILE',
      what === 'xls'
        ? 'Old Excel files (.xls) are not read: save the sheet as .xlsx or CSV'
        : 'Only CSV and XLSX files are imported',
      [{ field: 'file', message: 'the file must be CSV or XLSX' }],
    ),
  unknownEncoding: () =>
    new DomainError(
      'invalid',
      'IMPORT.UNKNOWN_ENCODING',
      'The CSV file is neither UTF-8 nor a recognisable encoding: save it as "CSV UTF-8" and import it again',
      [{ field: 'file', message: 'unknown text encoding' }],
    ),
  unreadable: (reason: string) =>
    new DomainError('invalid', 'IMPORT.UNREADABLE', `The file could not be read: ${reason}`, [
      { field: 'file', message: reason },
    ]),
  noHeader: () =>
    new DomainError(
      'invalid',
      'IMPORT.NO_HEADER',
      'The first row must be the column headers (download the template to see them)',
      [{ field: 'file', message: 'no header row' }],
    ),
  unknownColumns: (columns: { column: string; header: string }[]) =>
    new DomainError(
      'invalid',
      'IMPORT.UNKNOWN_COLUMN',
      `Unknown column(s): ${columns.map((c) => `${c.column} (${c.header})`).join(', ')}`,
      columns.map((c) => columnProblem(c.column, c.header, 'unknown column')),
    ),
  duplicateColumns: (columns: { column: string; header: string }[]) =>
    new DomainError(
      'invalid',
      'IMPORT.DUPLICATE_COLUMN',
      `Column(s) given twice: ${columns.map((c) => `${c.column} (${c.header})`).join(', ')}`,
      columns.map((c) => columnProblem(c.column, c.header, 'column given twice')),
    ),
  missingColumns: (headers: string[]) =>
    new DomainError(
      'invalid',
      'IMPORT.MISSING_COLUMN',
      `Required column(s) missing: ${headers.join(', ')}`,
      headers.map((h) => ({ field: h, message: `${h} is a required column` })),
    ),
  tooManyRows: () =>
    new DomainError(
      'payload_too_large',
      'IMPORT.TOO_MANY_ROWS',
      `A file may hold at most ${MAX_IMPORT_ROWS} rows: split it and import each part`,
      [{ field: 'file', message: `more than ${MAX_IMPORT_ROWS} rows` }],
    ),
  notReady: () =>
    new DomainError(
      'conflict',
      'IMPORT.NOT_READY',
      'The preview is not ready to commit (still being read, or it failed)',
    ),
  previewExpired: () =>
    new DomainError(
      'conflict',
      'IMPORT.PREVIEW_EXPIRED',
      'The preview is more than an hour old: upload the file again to preview it',
    ),
  queueUnavailable: () =>
    new UnavailableError(
      'IMPORT.QUEUE_UNAVAILABLE',
      'Large files are read by a background job, and the job queue (Redis) does not answer: try again shortly',
      30,
    ),
  previewStale: () =>
    new DomainError(
      'conflict',
      'IMPORT.PREVIEW_STALE',
      'Factories or certificates changed since the preview: upload the file again to preview it',
    ),
};
