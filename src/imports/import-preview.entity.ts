import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../database/base.entity';
import type { ImportRowErrorCode, ImportRowErrorParams } from './import-row-errors.rules';

export const IMPORT_KINDS = ['factories', 'certificates'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** queued/reading: a large file in its job; ready: previewed; committed; failed: the file was refused. */
export const IMPORT_STATES = ['queued', 'reading', 'ready', 'committed', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

export interface ImportRowError {
  row: number;
  column: string;
  message: string;
  /** Absent in previews stored before codes existed (answered as `invalid`). */
  code?: ImportRowErrorCode;
  params?: ImportRowErrorParams;
}

/** What commit does with one valid row: the fields are the create DTO's, validated. */
export interface ImportPlanRow {
  row: number;
  action: 'create' | 'update' | 'unchanged';
  /** The record a row updates (or leaves unchanged). */
  id?: string;
  fields?: Record<string, unknown>;
}

export interface ImportCounts {
  rows: number;
  valid: number;
  invalid: number;
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * An uploaded file, read and validated but not yet written: commit writes its rows
 * (import-row-batch.entity.ts).
 * The data stamp (the organization's last factory or certificate change when the file
 * was read) tells commit whether those rows still hold.
 */
@Entity('import_previews')
@Index('IDX_import_previews_org_created', ['organizationId', 'createdAt'])
export class ImportPreview extends TenantEntity {
  @Column({ type: 'varchar', length: 36 })
  createdById: string;

  @Column({ type: 'varchar', length: 20 })
  kind: ImportKind;

  @Column({ type: 'varchar', length: 10 })
  format: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  fileName: string | null;

  @Column({ type: 'varchar', length: 20 })
  state: ImportState;

  /** 0 to 100, while a job reads the file. */
  @Column({ type: 'integer', default: 0 })
  progress: number;

  @Column({ type: 'simple-json' })
  counts: ImportCounts;

  @Column({ type: 'simple-json' })
  errors: ImportRowError[];

  @Column({ type: 'varchar', length: 100, nullable: true })
  dataStamp: string | null;

  /** Why a queued file was refused (its error code and message). */
  @Column({ type: 'simple-json', nullable: true })
  failure: { code: string; message: string } | null;

  @Column({ type: 'datetime', nullable: true })
  committedAt: Date | null;
}
