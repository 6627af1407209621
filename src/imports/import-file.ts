import { Readable } from 'node:stream';
import chardet from 'chardet';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { ImportErrors } from './imports.errors';
import type { RawCell } from './import-sheet.rules';

export type ImportFormat = 'csv' | 'xlsx';

/** One row of the file as the parser read it, numbered as the spreadsheet shows it (header = 1). */
export interface FileRow {
  row: number;
  cells: RawCell[];
  /** How much of the file the parser has taken in so far, 0 to 1 (for a job's progress). */
  fraction: number;
}

const CHUNK = 64 * 1024;

/** The input in chunks, counting what the parser has pulled: that is the progress of a read. */
function chunked<T extends string | Buffer>(
  whole: T,
): { stream: Readable; fraction: () => number } {
  let taken = 0;
  const total = whole.length || 1;
  function* pieces(): Generator<T> {
    for (let start = 0; start < whole.length; start += CHUNK) {
      taken = Math.min(whole.length, start + CHUNK);
      yield whole.slice(start, start + CHUNK) as T;
    }
  }
  return { stream: Readable.from(pieces()), fraction: () => taken / total };
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * What the file is, from its bytes (the name and the browser's type are often wrong):
 * XLSX is a zip; a CSV is text without NUL bytes. Anything else, an old .xls included,
 * is refused with a message that says what to do.
 */
export function detectFormat(bytes: Buffer): ImportFormat {
  if (bytes.length === 0) throw ImportErrors.emptyFile();
  if (bytes.subarray(0, 4).equals(ZIP)) return 'xlsx';
  if (bytes.subarray(0, 4).equals(OLE)) throw ImportErrors.unsupportedFile('xls');
  if (bytes.subarray(0, 8192).includes(0) || bytes.subarray(0, 5).toString('latin1') === '%PDF-')
    throw ImportErrors.unsupportedFile('binary');
  return 'csv';
}

/**
 * The text of a CSV file: UTF-8 (with or without BOM) as it is; otherwise the encoding is
 * detected (Excel in China saves "CSV" in GBK) and decoded. A file that is neither valid
 * UTF-8 nor recognisably one encoding is refused rather than imported garbled.
 */
export function decodeCsv(bytes: Buffer): { text: string; encoding: string } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'UTF-8' };
  } catch {
    // not UTF-8: detect below
  }
  const candidates = chardet.analyse(bytes).filter((m) => iconv.encodingExists(m.name));
  const best = candidates[0];
  if (!best || best.confidence < 10) throw ImportErrors.unknownEncoding();
  // GB18030 is the superset of GBK and GB2312 that Windows writes for "Chinese (Simplified)".
  const encoding = /^(GB18030|GBK|GB2312)$/i.test(best.name) ? 'GB18030' : best.name;
  const text = iconv.decode(bytes, encoding);
  if (text.includes('\uFFFD')) throw ImportErrors.unknownEncoding();
  return { text, encoding };
}

/** The rows of a CSV file, streamed through csv-parse. */
export async function* csvRows(bytes: Buffer): AsyncGenerator<FileRow> {
  const { text } = decodeCsv(bytes);
  const input = chunked(text);
  const parser = input.stream.pipe(
    parse({ relax_column_count: true, skip_empty_lines: false, bom: true, info: true }),
  );
  try {
    for await (const record of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      yield { row: record.info.lines, cells: record.record, fraction: input.fraction() };
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw ImportErrors.unreadable(message);
  }
}

type ExcelValue = ExcelJS.CellValue;

function dateText(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** A cell value of the exceljs reader as import text, a date or a formula. */
export function excelCell(value: ExcelValue): RawCell {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return { date: dateText(value) };
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if ('formula' in value || 'sharedFormula' in value)
    return { formula: String((value as { formula?: string }).formula ?? '') };
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

/** The rows of the first worksheet of an XLSX file, streamed by exceljs's reader. */
export async function* xlsxRows(bytes: Buffer): AsyncGenerator<FileRow> {
  const input = chunked(bytes);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input.stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'emit',
  });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as ExcelValue[]).slice(1);
        yield {
          row: row.number,
          cells: Array.from(values, (v) => excelCell(v)),
          fraction: input.fraction(),
        };
      }
      // Only the first worksheet is data; the template's second holds the allowed values.
      return;
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'DomainError') throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw ImportErrors.unreadable(message);
  }
}

export function fileRows(bytes: Buffer, format: ImportFormat): AsyncGenerator<FileRow> {
  return format === 'csv' ? csvRows(bytes) : xlsxRows(bytes);
}
