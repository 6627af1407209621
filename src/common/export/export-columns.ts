import type { Type } from '@nestjs/common';
import type { Actor } from '../actor';
import { LOCALES } from '../locales';

export const EXPORT_LOCALES = LOCALES;
export type ExportLocale = (typeof EXPORT_LOCALES)[number];

/** A header in each language the product speaks. */
export interface LocalizedText {
  en: string;
  'zh-CN': string;
}

export type CellValue = string | number | null | undefined;

/** One column of an exported list: its header and how a list item fills it. */
export interface ExportColumn<T, L = undefined> {
  header: LocalizedText;
  value: (item: T, lookup: L) => CellValue | readonly (string | number)[];
}

/**
 * What a page of items needs besides itself (for example the names of the factories a
 * page of certificates names by id): a provider of the list's own feature, asked once per page.
 */
export interface ExportLookup<T, L> {
  prepare(actor: Actor, items: T[]): Promise<L>;
}

/** How one list route exports: the file name and the columns, in order. */
export interface ExportSpec<T, L = undefined> {
  /** The file name without extension, e.g. `certificates`. */
  name: string;
  /** The worksheet's name (at most 31 characters). */
  title: LocalizedText;
  columns: ExportColumn<T, L>[];
  lookup?: Type<ExportLookup<T, L>>;
}

/** Keeps the item type of a spec checked where it is declared. */
export function exportSpec<T, L = undefined>(spec: ExportSpec<T, L>): ExportSpec<T, L> {
  return spec;
}

/** Lists (product categories, sites) are written as one cell, items separated by "; ". */
export const LIST_SEPARATOR = '; ';

export function cellText(value: CellValue | readonly (string | number)[]): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
  return String(value as string | number);
}

/** A timestamp as the calendar date it fell on in UTC (`YYYY-MM-DD`), for list columns. */
export function dateOf(timestamp: string | null | undefined): string {
  return timestamp ? timestamp.slice(0, 10) : '';
}

export function exportLocaleOf(actorLocale: string | null, acceptLanguage?: string): ExportLocale {
  if (actorLocale === 'zh-CN' || actorLocale === 'en') return actorLocale;
  if (acceptLanguage && /^\s*zh\b/i.test(acceptLanguage)) return 'zh-CN';
  return 'en';
}

/** How a spreadsheet cell is read back on import. */
export type SheetCellKind = 'text' | 'list' | 'numbers' | 'date';

/**
 * A column of a spreadsheet that is both exported and imported (factories,
 * certificates): the key is the create DTO's field, so a file exported from a list
 * imports back into the same records.
 */
export interface SheetColumn {
  key: string;
  header: LocalizedText;
  kind: SheetCellKind;
  required: boolean;
  example: string;
}

/** The export spec of a list whose items carry each sheet column's key as a field. */
export function sheetExportSpec<T extends object, L = undefined>(
  name: string,
  title: LocalizedText,
  columns: readonly SheetColumn[],
  overrides: Partial<Record<string, ExportColumn<T, L>['value']>> = {},
  lookup?: Type<ExportLookup<T, L>>,
): ExportSpec<T, L> {
  return {
    name,
    title,
    lookup,
    columns: columns.map((column) => ({
      header: column.header,
      value:
        overrides[column.key] ??
        ((item: T) =>
          (item as Record<string, CellValue | readonly (string | number)[]>)[column.key]),
    })),
  };
}
