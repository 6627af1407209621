import { Injectable } from '@nestjs/common';
import { CertificateBacking, CertificateBackingAgreement } from '../certificates/certificate-links';
import { TenantRepository } from '../common/tenancy';
import { andWhereIn } from '../database/in-list';
import { Transactions } from '../database/transactions';
import { Agreement } from './agreement.entity';
import { AgreementErrors } from './agreements.errors';

/** Tells the certificates feature which agreements produced a certificate (linked by certificateId). */
@Injectable()
export class AgreementBacking implements CertificateBacking {
  private readonly agreements = new TenantRepository(Agreement, AgreementErrors.notFound);

  constructor(private readonly transactions: Transactions) {}

  async backingFor(
    organizationId: string,
    certificateIds: string[],
    scope?: { onlyFactoryId: string | null },
  ): Promise<Map<string, CertificateBackingAgreement[]>> {
    const backing = new Map<string, CertificateBackingAgreement[]>();
    if (certificateIds.length === 0) return backing;
    if (scope && !scope.onlyFactoryId) return backing;
    // The query builder, not find options: they cost more than the query on every page.
    // Only the columns the answer carries, the ids as one parameter (issue 17).
    const query = andWhereIn(
      this.agreements
        .query(this.transactions.reader, organizationId, 'agreement')
        .select([
          'agreement.id',
          'agreement.certificateId',
          'agreement.kind',
          'agreement.title',
          'agreement.status',
          'agreement.factoryId',
          'agreement.createdAt',
        ]),
      'agreement.certificateId',
      'ids',
      certificateIds,
    );
    if (scope)
      query.andWhere('agreement.factoryId = :factoryId', { factoryId: scope.onlyFactoryId });
    const agreements = await query
      .orderBy('agreement.createdAt', 'ASC')
      .addOrderBy('agreement.id', 'ASC')
      .getMany();
    for (const agreement of agreements) {
      const list = backing.get(agreement.certificateId!) ?? [];
      list.push({
        agreementId: agreement.id,
        kind: agreement.kind,
        title: agreement.title,
        status: agreement.status,
        factoryId: agreement.factoryId,
      });
      backing.set(agreement.certificateId!, list);
    }
    return backing;
  }
}
