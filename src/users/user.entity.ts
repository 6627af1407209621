import { Column, Entity, ForeignKey, Index } from 'typeorm';
import type { Role } from '../common/actor';
import { TenantEntity } from '../database/base.entity';

@ForeignKey('Factory', ['factoryId'], ['id'], { name: 'FK_users_factory', onDelete: 'CASCADE' })
@ForeignKey('Organization', ['organizationId'], ['id'], {
  name: 'FK_users_organization',
  onDelete: 'CASCADE',
})
@Entity('users')
export class User extends TenantEntity {
  /** Stored lower-cased; unique across all organizations since it is the login. */
  @Index('UQ_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @Column({ type: 'varchar', length: 10, nullable: true })
  locale: string | null;

  /** Factory managers only. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  factoryId: string | null;

  /** A deactivated user can neither log in nor use a token; an admin can reactivate them. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /**
   * Carried in every token as `ver`; the guard refuses a token of another version, so
   * raising it ends every session at once (deactivation, password change or reset).
   */
  @Column({ type: 'integer', default: 0 })
  tokenVersion: number;

  /** Null until the person accepts their invitation and chooses a password. */
  @Column({ type: 'varchar', length: 255, nullable: true, select: false })
  passwordHash: string | null;
}
