import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { TenantEntity } from '../database/base.entity';

/**
 * A colleague (admin or member) who looks after a factory: its notices go to them, and
 * to the admins only once escalated (see reminder-recipients.ts).
 */
@ForeignKey('Organization', ['organizationId'], ['id'], {
  name: 'FK_factory_responsibles_organization',
  onDelete: 'CASCADE',
})
@ForeignKey('Factory', ['factoryId'], ['id'], {
  name: 'FK_factory_responsibles_factory',
  onDelete: 'CASCADE',
})
@ForeignKey('User', ['userId'], ['id'], {
  name: 'FK_factory_responsibles_user',
  onDelete: 'CASCADE',
})
@Entity('factory_responsibles')
@Index('IDX_factory_responsibles_factory_user', ['factoryId', 'userId'], { unique: true })
@Index('IDX_factory_responsibles_org_factory', ['organizationId', 'factoryId'])
export class FactoryResponsible extends TenantEntity {
  @Column({ type: 'varchar', length: 36 })
  factoryId: string;

  @Column({ type: 'varchar', length: 36 })
  userId: string;
}
