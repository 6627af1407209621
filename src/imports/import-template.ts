import { getMetadataStorage } from 'class-validator';
import ExcelJS from 'exceljs';
import { CountryCodes } from 'validator/lib/isISO31661Alpha2';
import { stringify } from 'csv-stringify/sync';
import type { ExportLocale, SheetColumn } from '../common/export/export-columns';

/** The values a column allows, shown as a drop-down in the XLSX template. */
export type AllowedValues = Partial<Record<string, readonly string[]>>;

/**
 * The values an `@IsIn` rule of a DTO allows for a field: the drop-downs come from the
 * same rules the API validates with, not from a second list.
 */
export function isInValues(dto: object, field: string): string[] {
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(dto as new () => object, '', true, false)
    .find((m) => m.propertyName === field && m.name === 'isIn');
  const values = metadata?.constraints?.[0] as unknown;
  return Array.isArray(values) ? values.map(String) : [];
}

export function countryCodes(): string[] {
  return [...(CountryCodes as Set<string>)].sort();
}

export function templateCsv(columns: readonly SheetColumn[], locale: ExportLocale): Buffer {
  const text = stringify([columns.map((c) => c.header[locale]), columns.map((c) => c.example)], {
    bom: true,
  });
  return Buffer.from(text, 'utf8');
}

/**
 * The XLSX template: headers, one example row, and a drop-down on each column with
 * allowed values, whose lists live on a second sheet (a list typed into the rule itself
 * may hold 255 characters only, fewer than the countries).
 */
export async function templateXlsx(
  title: string,
  columns: readonly SheetColumn[],
  locale: ExportLocale,
  allowed: AllowedValues,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(title.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const lists = workbook.addWorksheet('Lists', { state: 'hidden' });
  sheet.columns = columns.map((c) => ({ header: c.header[locale], key: c.key, width: 24 }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(columns.map((c) => c.example));
  let listColumn = 0;
  columns.forEach((column, index) => {
    const values = allowed[column.key];
    if (!values || values.length === 0) return;
    listColumn += 1;
    const letter = lists.getColumn(listColumn).letter;
    lists.getCell(1, listColumn).value = column.header[locale];
    values.forEach((value, i) => (lists.getCell(i + 2, listColumn).value = value));
    const target = sheet.getColumn(index + 1).letter;
    const validation: ExcelJS.DataValidation = {
      type: 'list',
      allowBlank: !column.required,
      formulae: [`Lists!$${letter}$2:$${letter}$${values.length + 1}`],
      showErrorMessage: true,
    };
    // One rule for the whole column's data rows (exceljs writes it as a single range).
    (
      sheet as unknown as {
        dataValidations: { add(range: string, v: ExcelJS.DataValidation): void };
      }
    ).dataValidations.add(`${target}2:${target}5001`, validation);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
