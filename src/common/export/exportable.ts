import { applyDecorators, SetMetadata, type Type, UseInterceptors } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiQuery, getSchemaPath } from '@nestjs/swagger';
import { binaryContent } from '../api-responses';
import type { ExportSpec } from './export-columns';
import { EXPORT_SPEC, ExportInterceptor } from './export.interceptor';
import { CSV_MIME, XLSX_MIME } from './export-writers';

/**
 * Marks a paginated list route as exportable: `?format=csv|xlsx` (or `Accept: text/csv`)
 * answers every item of the list, across all pages and with the same filters, as a file
 * with the spec's columns and headers in the user's language. `page` is the JSON answer's
 * class; the files are declared as binary.
 */
export function Exportable<T, L>(spec: ExportSpec<T, L>, page: Type<unknown>): MethodDecorator {
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
    ApiExtraModels(page),
    ApiOkResponse({
      description: 'One page as JSON, or the whole list as a csv or xlsx file',
      content: {
        'application/json': { schema: { $ref: getSchemaPath(page) } },
        ...binaryContent(CSV_MIME, XLSX_MIME),
      },
    }),
  );
}
