import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../database/base.entity';
import type { ImportPlanRow } from './import-preview.entity';

/**
 * Up to 500 rows commit will write (imports.service.ts, ROWS_PER_BATCH) (creates and updates; unchanged rows are not kept), in
 * the order of the file: stored as the preview reads the file and read back by commit one
 * batch at a time, so neither holds all 50,000 in memory. One database row per batch, not
 * per spreadsheet row: the rows are only ever read whole, and a row each cost as much to
 * write and read back as the certificates themselves (bench/RESULTS.md).
 */
@Entity('import_row_batches')
@Index('IDX_import_row_batches_import_position', ['importId', 'position'], { unique: true })
export class ImportRowBatch extends TenantEntity {
  @Column({ type: 'varchar', length: 36 })
  importId: string;

  /** 0, 1, 2…: the batches of one import in the order of the file. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'simple-json' })
  rows: ImportPlanRow[];
}
