import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiProduces, ApiQuery } from '@nestjs/swagger';
import type { ExportSpec } from './export-columns';
import { EXPORT_SPEC, ExportInterceptor } from './export.interceptor';
import { CSV_MIME, XLSX_MIME } from './export-writers';

/**
 * Marks a paginated list route as exportable: `?format=csv|xlsx` (or `Accept: text/csv`)
 * answers every item of the list, across all pages and with the same filters, as a file
 * with the spec's columns and headers in the user's language.
 */
export function Exportable<T, L>(spec: ExportSpec<T, L>): MethodDecorator {
  return applyDecorators(
    SetMetadata(EXPORT_SPEC, spec),
    UseInterceptors(ExportInterceptor),
    ApiQuery({
      name: 'format',
      required: false,
      enum: ['json', 'csv', 'xlsx'],
      description:
        'csv or xlsx downloads the whole list (every page, same filters) as a file; also `Accept: text/csv`',
    }),
    ApiProduces('application/json', CSV_MIME, XLSX_MIME),
  );
}
