import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { TenantRepository } from '../common/tenancy';
import { Transactions } from '../database/transactions';
import { Certificate } from './certificate.entity';
import { CertificateErrors } from './certificates.errors';
import { certificateSnapshot } from './dto/certificate.response';
import type { FactoryHoldings } from '../factories/factory-holdings.service';

/**
 * The certificates a factory holds, as the factories feature needs them to delete a
 * factory (inside its run(), which these join): CertificatesModule provides it as
 * FactoryHoldings.
 */
@Injectable()
export class FactoryCertificatesService implements FactoryHoldings {
  private readonly certificates = new TenantRepository(Certificate, CertificateErrors.notFound);

  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  countHeldBy(organizationId: string, factoryId: string): Promise<number> {
    return this.certificates.count(this.transactions.manager, organizationId, { factoryId });
  }

  /** Deletes every certificate the factory holds; each is an audit event of its own. */
  async removeAllHeldBy(actor: Actor, factoryId: string): Promise<void> {
    const manager = this.transactions.manager;
    const held = await this.certificates.findMany(manager, actor.organizationId, {
      where: { factoryId },
    });
    if (held.length === 0) return;
    await this.certificates.delete(manager, actor.organizationId, { factoryId });
    for (const certificate of held) {
      await this.audit.recordBy(
        actor,
        'certificate.deleted',
        'certificate',
        certificate.id,
        certificateSnapshot(certificate),
        null,
      );
    }
  }
}
