import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';

export const CSV_MIME = 'text/csv';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type ExportFormat = 'csv' | 'xlsx';

/**
 * CSV with a UTF-8 byte order mark, so that Excel opens Chinese text as Chinese.
 * Rows are pulled from `rows` only as fast as the client reads them.
 */
export function csvStream(headers: string[], rows: AsyncIterable<string[]>): Readable {
  const stringifier = stringify({ bom: true, header: true, columns: headers });
  Readable.from(rows).pipe(stringifier);
  return stringifier;
}

/**
 * XLSX through exceljs's streaming writer: each row is committed (serialized and
 * released) as soon as it is added, and the next page is read only once the client
 * has drained what was written.
 */
export function xlsxStream(
  sheetName: string,
  headers: string[],
  rows: AsyncIterable<string[]>,
): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  void (async () => {
    try {
      const header = sheet.addRow(headers);
      header.font = { bold: true };
      header.commit();
      for await (const row of rows) {
        sheet.addRow(row).commit();
        if (output.writableNeedDrain) await new Promise((resolve) => output.once('drain', resolve));
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      output.destroy(error as Error);
    }
  })();
  return output;
}
