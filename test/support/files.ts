import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { Test } from 'supertest';

/** Collects a response body as raw bytes, whatever its content type. */
export function asBuffer(request: Test): Test {
  return request.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

/** The rows of a CSV file (first row the headers), after checking and dropping its UTF-8 BOM. */
export function csvRows(body: Buffer): string[][] {
  const text = body.toString('utf8');
  if (!text.startsWith('\uFEFF')) throw new Error('The CSV does not start with a UTF-8 BOM');
  return parse(text.slice(1), { relax_column_count: false }) as string[][];
}

/** The cell texts of the first worksheet of an XLSX file (first row the headers). */
export async function xlsxRows(body: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column++) {
      cells.push(row.getCell(column).text ?? '');
    }
    rows.push(cells);
  });
  return rows;
}
