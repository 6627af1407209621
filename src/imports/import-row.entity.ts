import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../database/base.entity';
import type { ImportPlanRow } from './import-preview.entity';

/**
 * One row commit will write (a create or an update; unchanged rows are not kept), stored
 * as the preview reads the file and read back by commit 500 at a time, so neither holds
 * all 50,000 in memory.
 */
@Entity('import_rows')
@Index('IDX_import_rows_import_position', ['importId', 'position'])
export class ImportRow extends TenantEntity {
  @Column({ type: 'varchar', length: 36 })
  importId: string;

  @Column({ type: 'integer' })
  position: number;

  /** The row as the spreadsheet numbers it. */
  @Column({ type: 'integer' })
  row: number;

  @Column({ type: 'varchar', length: 10 })
  action: ImportPlanRow['action'];

  @Column({ type: 'varchar', length: 36, nullable: true })
  recordId: string | null;

  @Column({ type: 'simple-json' })
  fields: Record<string, unknown>;
}
