import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { TenantEntity } from '../database/base.entity';

/** A single-use link, mailed, by which a person chooses a new password. */
@ForeignKey('Organization', ['organizationId'], ['id'], {
  name: 'FK_password_resets_organization',
  onDelete: 'CASCADE',
})
@ForeignKey('User', ['userId'], ['id'], { name: 'FK_password_resets_user', onDelete: 'CASCADE' })
@Entity('password_resets')
@Index('IDX_password_resets_user', ['userId'])
export class PasswordReset extends TenantEntity {
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  /** SHA-256 of the token; the token itself is only in the mail. */
  @Index('UQ_password_resets_token_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Column({ type: 'datetime', nullable: true })
  usedAt: Date | null;
}
