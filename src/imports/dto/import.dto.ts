import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  IMPORT_KINDS,
  IMPORT_STATES,
  ImportKind,
  ImportPreview,
  ImportState,
} from '../import-preview.entity';
import { PREVIEW_LIFETIME_MS } from '../import-lifetime';
import {
  IMPORT_ROW_ERROR_CODES,
  ImportRowErrorCode,
  ImportRowErrorParams,
} from '../import-row-errors.rules';

const FORMATS = ['csv', 'xlsx'] as const;

export class ImportTemplateQueryDto {
  @ApiProperty({ enum: IMPORT_KINDS })
  @IsIn(IMPORT_KINDS, { message: `kind must be one of ${IMPORT_KINDS.join(', ')}` })
  kind: ImportKind;

  @ApiPropertyOptional({ enum: FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(FORMATS, { message: 'format must be csv or xlsx' })
  format?: (typeof FORMATS)[number];
}

export class CreateImportDto {
  @ApiProperty({ enum: IMPORT_KINDS })
  @IsIn(IMPORT_KINDS, { message: `kind must be one of ${IMPORT_KINDS.join(', ')}` })
  kind: ImportKind;
}

export class ImportRowErrorParamsResponse implements ImportRowErrorParams {
  @ApiPropertyOptional({ example: 200, description: 'The bound of a length, size or range' })
  limit?: number;

  @ApiPropertyOptional({ example: '2025-02-30', description: 'The cell’s value as given' })
  value?: string;

  @ApiPropertyOptional({ example: 2, description: 'The earlier row a duplicate repeats' })
  row?: number;

  @ApiPropertyOptional({
    example: 'active, suspended, withdrawn, expired',
    description: 'The values allowed, for not_an_option',
  })
  allowed?: string;
}

export class ImportRowErrorResponse {
  @ApiProperty({
    example: 3,
    description: 'The row as the spreadsheet numbers it (the header is row 1)',
  })
  row: number;

  @ApiProperty({ example: 'Expires on', description: 'The column header as the file wrote it' })
  column: string;

  @ApiProperty({
    example: 'expiresOn must be a real date written YYYY-MM-DD',
    description: 'In English; a client shows `code` in its reader’s language',
  })
  message: string;

  @ApiProperty({
    enum: IMPORT_ROW_ERROR_CODES,
    enumName: 'ImportRowErrorCode',
    example: 'invalid_date',
    description: 'What is wrong, stable across releases and languages',
  })
  code: ImportRowErrorCode;

  @ApiProperty({ type: ImportRowErrorParamsResponse })
  params: ImportRowErrorParamsResponse;
}

export class ImportResponse {
  @ApiProperty()
  id: string;

  @ApiProperty({ enum: IMPORT_KINDS })
  kind: ImportKind;

  @ApiProperty({
    enum: IMPORT_STATES,
    description: 'queued and reading: a large file is being read by a job',
  })
  state: ImportState;

  @ApiProperty({ minimum: 0, maximum: 100 })
  progress: number;

  @ApiProperty({ type: String, nullable: true })
  fileName: string | null;

  @ApiProperty({ description: 'Data rows read (the header and blank rows not counted)' })
  rows: number;

  @ApiProperty()
  valid: number;

  @ApiProperty()
  invalid: number;

  @ApiProperty({ description: 'Rows that commit creates' })
  created: number;

  @ApiProperty({ description: 'Rows that commit applies to an existing record' })
  updated: number;

  @ApiProperty({ description: 'Rows equal to an existing record' })
  unchanged: number;

  @ApiProperty({ type: [ImportRowErrorResponse], description: 'At most the first 1000' })
  errors: ImportRowErrorResponse[];

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'IMPORT.TOO_MANY_ROWS',
    description: 'Why a queued file was refused',
  })
  failureCode: string | null;

  @ApiProperty({ type: String, nullable: true })
  failureMessage: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({
    format: 'date-time',
    description: 'Commit after this answers 409 IMPORT.PREVIEW_EXPIRED',
  })
  expiresAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  committedAt: string | null;
}

export function toImportResponse(preview: ImportPreview): ImportResponse {
  return {
    id: preview.id,
    kind: preview.kind,
    state: preview.state,
    progress: preview.progress,
    fileName: preview.fileName,
    ...preview.counts,
    errors: preview.errors.map((e) => ({
      row: e.row,
      column: e.column,
      message: e.message,
      code: e.code ?? 'invalid',
      params: e.params ?? {},
    })),
    failureCode: preview.failure?.code ?? null,
    failureMessage: preview.failure?.message ?? null,
    createdAt: preview.createdAt.toISOString(),
    expiresAt: new Date(preview.createdAt.getTime() + PREVIEW_LIFETIME_MS).toISOString(),
    committedAt: preview.committedAt ? preview.committedAt.toISOString() : null,
  };
}
