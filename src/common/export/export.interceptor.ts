import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  StreamableFile,
} from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { lastValueFrom, Observable, of } from 'rxjs';
import type { Actor } from '../actor';
import type { Page } from '../pagination';
import { cellText, exportLocaleOf, ExportLookup, ExportSpec } from './export-columns';
import { CSV_MIME, csvStream, ExportFormat, XLSX_MIME, xlsxStream } from './export-writers';

export const EXPORT_SPEC = 'certpact:export-spec';

/** The largest page a list route answers: the export reads the list page by page of this size. */
export const EXPORT_PAGE_SIZE = 200;

const FORMATS = ['json', 'csv', 'xlsx'] as const;
type RequestedFormat = (typeof FORMATS)[number];

/**
 * Turns a paginated list route into a file download when the client asks for CSV or XLSX
 * (`?format=csv|xlsx`, or `Accept: text/csv` / the XLSX media type). The route itself
 * runs once per page, through the same pipes, filters and access rules as the JSON
 * answer, so an export holds exactly what the list would show, and only one page at a
 * time is in memory.
 */
@Injectable()
export class ExportInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const spec = this.reflector.get<ExportSpec<unknown, unknown> | undefined>(
      EXPORT_SPEC,
      context.getHandler(),
    );
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const query = { ...(request.query as Record<string, unknown>) };
    const format = requestedFormat(query.format, request.headers.accept);
    // `format` is this interceptor's parameter, not the list's: the list's query DTO refuses unknown fields.
    delete query.format;
    replaceQuery(request, query);
    if (!spec || format === 'json') return next.handle();

    const fetchPage = async (page: number): Promise<Page<unknown>> => {
      replaceQuery(request, { ...query, page: String(page), pageSize: String(EXPORT_PAGE_SIZE) });
      return (await lastValueFrom(next.handle())) as Page<unknown>;
    };
    // The first page is read before anything is sent, so a bad filter still answers a 400.
    const first = await fetchPage(1);
    const actor = request.actor as Actor;
    const locale = exportLocaleOf(actor.locale, request.headers['accept-language']);
    const lookup = spec.lookup
      ? this.moduleRef.get<ExportLookup<unknown, unknown>>(spec.lookup, { strict: false })
      : null;
    const rows = exportRows(spec, first, fetchPage, (items) =>
      lookup ? lookup.prepare(actor, items) : Promise.resolve(undefined),
    );
    const headers = spec.columns.map((column) => column.header[locale]);
    const fileName = `${spec.name}-${new Date().toISOString().slice(0, 10)}.${format}`;
    const stream =
      format === 'csv' ? csvStream(headers, rows) : xlsxStream(spec.title[locale], headers, rows);
    return of(
      new StreamableFile(stream, {
        type: format === 'csv' ? `${CSV_MIME}; charset=utf-8` : XLSX_MIME,
        disposition: `attachment; filename="${fileName}"`,
      }),
    );
  }
}

async function* exportRows(
  spec: ExportSpec<unknown, unknown>,
  first: Page<unknown>,
  fetchPage: (page: number) => Promise<Page<unknown>>,
  prepare: (items: unknown[]) => Promise<unknown>,
): AsyncGenerator<string[]> {
  let page = first;
  for (let number = 1; ; number++) {
    if (number > 1) page = await fetchPage(number);
    const lookup = await prepare(page.items);
    for (const item of page.items) {
      yield spec.columns.map((column) => cellText(column.value(item, lookup)));
    }
    if (page.items.length < EXPORT_PAGE_SIZE || number * EXPORT_PAGE_SIZE >= page.total) return;
  }
}

function requestedFormat(format: unknown, accept: string | undefined): RequestedFormat {
  if (format !== undefined) {
    if (typeof format === 'string' && (FORMATS as readonly string[]).includes(format)) {
      return format as RequestedFormat;
    }
    const message = `format must be one of ${FORMATS.join(', ')}`;
    throw new BadRequestException({
      message,
      details: [{ field: 'format', message }],
      code: 'VALIDATION.FAILED',
    });
  }
  const wanted = (accept ?? '').toLowerCase();
  if (wanted.includes(XLSX_MIME)) return 'xlsx';
  if (wanted.includes(CSV_MIME)) return 'csv';
  return 'json';
}

/** Express 5 parses `req.query` anew on each read; an own property replaces it for this request. */
function replaceQuery(request: Request, query: Record<string, unknown>): void {
  Object.defineProperty(request, 'query', {
    value: query,
    configurable: true,
    enumerable: true,
    writable: true,
  });
}

export type { ExportFormat };
