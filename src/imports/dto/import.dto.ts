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

export class ImportRowErrorResponse {
  @ApiProperty({
    example: 3,
    description: 'The row as the spreadsheet numbers it (the header is row 1)',
  })
  row: number;

  @ApiProperty({ example: 'Expires on', description: 'The column header as the file wrote it' })
  column: string;

  @ApiProperty({ example: 'expiresOn must be a real date written YYYY-MM-DD' })
  message: string;
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
    errors: preview.errors,
    failureCode: preview.failure?.code ?? null,
    failureMessage: preview.failure?.message ?? null,
    createdAt: preview.createdAt.toISOString(),
    expiresAt: new Date(preview.createdAt.getTime() + PREVIEW_LIFETIME_MS).toISOString(),
    committedAt: preview.committedAt ? preview.committedAt.toISOString() : null,
  };
}
