import { Column, Entity, ForeignKey, Index } from 'typeorm';
import type { Role } from '../common/actor';
import { TenantEntity } from '../database/base.entity';

/** A single-use link that lets a person set their password and join an organization. */
@ForeignKey('Organization', ['organizationId'], ['id'], {
  name: 'FK_invitations_organization',
  onDelete: 'CASCADE',
})
@Entity('invitations')
export class Invitation extends TenantEntity {
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @Column({ type: 'varchar', length: 10, nullable: true })
  locale: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  factoryId: string | null;

  /** Set when the user row already exists (staff added by an admin). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  userId: string | null;

  /** SHA-256 of the token; the token itself is never stored. */
  @Index('UQ_invitations_token_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Column({ type: 'datetime', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null;

  /** Revoked because its factory was deleted: accepting it says so (409) rather than "revoked". */
  @Column({ type: 'boolean', default: false })
  revokedBecauseFactoryRemoved: boolean;

  @Column({ type: 'varchar', length: 36, nullable: true })
  invitedById: string | null;
}
