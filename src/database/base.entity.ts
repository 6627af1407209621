import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** uuid ids made by the application (the same on SQLite and PostgreSQL), and row timestamps. */
export abstract class BaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}

/** A row that belongs to one organization (the tenant). */
export abstract class TenantEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  organizationId: string;
}
