import type { SheetColumn } from '../common/export/export-columns';

/**
 * How a spreadsheet's header row and cells become the fields of a create DTO: pure
 * functions of plain values, so the parsing of CSV and XLSX (import-file.ts) and the
 * validation (the DTOs' own class-validator rules) stay apart from them.
 */

export const MAX_IMPORT_ROWS = 50_000;

/** A header cell, found or not among the sheet's columns. */
export type HeaderProblem =
  | { kind: 'no_header' }
  | { kind: 'unknown_column'; column: string; header: string }
  | { kind: 'duplicate_column'; column: string; header: string }
  | { kind: 'missing_column'; header: string };

/** Which sheet column each position of the file holds (null: an empty header cell with no data). */
export interface HeaderMap {
  columns: (SheetColumn | null)[];
  /** The header as the file wrote it, per position, to name it in errors. */
  headers: string[];
}

/** Headers compare without case, spaces, underscores or the BOM Excel leaves in the first cell. */
export function headerKey(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/[\s_\-*（）()]/g, '')
    .toLowerCase();
}

/** The spreadsheet's letter for a 0-based column position (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** Maps a header row onto the sheet's columns; English, Chinese and field names are understood. */
export function mapHeader(
  cells: string[],
  sheet: readonly SheetColumn[],
): { map: HeaderMap; problems: HeaderProblem[] } {
  const byKey = new Map<string, SheetColumn>();
  for (const column of sheet) {
    for (const name of [column.key, column.header.en, column.header['zh-CN']]) {
      byKey.set(headerKey(name), column);
    }
  }
  const headers = cells.map((c) => c.replace(/^\uFEFF/, '').trim());
  const columns = headers.map((h) => (h === '' ? null : (byKey.get(headerKey(h)) ?? null)));
  const problems: HeaderProblem[] = [];
  if (!columns.some((c) => c !== null))
    return { map: { columns, headers }, problems: [{ kind: 'no_header' }] };
  const seen = new Set<string>();
  headers.forEach((header, index) => {
    const column = columns[index];
    if (header === '') return;
    if (!column) problems.push({ kind: 'unknown_column', column: columnLetter(index), header });
    else if (seen.has(column.key))
      problems.push({ kind: 'duplicate_column', column: columnLetter(index), header });
    else seen.add(column.key);
  });
  for (const column of sheet) {
    if (column.required && !seen.has(column.key))
      problems.push({ kind: 'missing_column', header: column.header.en });
  }
  return { map: { columns, headers }, problems };
}

/** A cell as the parser gives it: text, or a date from XLSX, or a formula (never evaluated). */
export type RawCell = string | { date: string } | { formula: string };

export interface CellProblem {
  /** 0-based position in the row. */
  index: number;
  message: string;
  /** The stable code of import-row-errors.rules.ts. */
  code: 'formula';
}

/** List cells separate items with ";" (as exported), a full-width "；" or a line break. */
const LIST_SPLIT = /[;；\n]/;

/** Excel and people write dates 2025/3/1 or 2025.03.01 too; the DTO expects YYYY-MM-DD. */
export function normalizeDate(text: string): string {
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  if (!match) return text.trim();
  return `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
}

/** A cell of CSV that starts like a formula (=SUM(...)): spreadsheets would run it. */
export function looksLikeFormula(text: string): boolean {
  return /^\s*=/.test(text);
}

/**
 * The field values of one data row. An empty cell is `null` (optional texts), `[]`
 * (lists) or left out (the DTO then says whether it was required).
 */
export function rowFields(
  cells: RawCell[],
  map: HeaderMap,
  /** Fields that may be left out but not be null (a status): an empty cell leaves them out. */
  omitWhenEmpty: ReadonlySet<string> = new Set(),
): { fields: Record<string, unknown>; problems: CellProblem[] } {
  const fields: Record<string, unknown> = {};
  const problems: CellProblem[] = [];
  map.columns.forEach((column, index) => {
    if (!column) return;
    const cell = cells[index] ?? '';
    if (typeof cell !== 'string' && 'formula' in cell) {
      problems.push({
        index,
        message: 'formulas are not imported: type the value itself',
        code: 'formula',
      });
      return;
    }
    if (typeof cell === 'string' && looksLikeFormula(cell)) {
      problems.push({
        index,
        message: 'formulas are not imported: type the value itself',
        code: 'formula',
      });
      return;
    }
    const text = typeof cell === 'string' ? cell.trim() : cell.date;
    switch (column.kind) {
      case 'list':
        fields[column.key] =
          text === ''
            ? []
            : text
                .split(LIST_SPLIT)
                .map((s) => s.trim())
                .filter(Boolean);
        break;
      case 'numbers':
        fields[column.key] =
          text === ''
            ? []
            : text
                .split(/[;；,，\s]+/)
                .filter(Boolean)
                .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
        break;
      case 'date':
        if (text !== '') fields[column.key] = normalizeDate(text);
        else if (!column.required) fields[column.key] = null;
        break;
      default:
        if (text !== '') fields[column.key] = text;
        else if (!column.required && !omitWhenEmpty.has(column.key)) fields[column.key] = null;
    }
  });
  return { fields, problems };
}

/** Whether every cell of a row is empty (such rows are skipped, as spreadsheets leave them). */
export function isBlankRow(cells: RawCell[]): boolean {
  return cells.every((c) => (typeof c === 'string' ? c.trim() === '' : false));
}
