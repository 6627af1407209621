import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { CertificateBacking, CertificateBackingAgreement } from '../certificates/certificate-links';
import { Transactions } from '../database/transactions';
import { Agreement } from './agreement.entity';

/** Tells the certificates feature which agreements produced a certificate (linked by certificateId). */
@Injectable()
export class AgreementBacking implements CertificateBacking {
  constructor(private readonly transactions: Transactions) {}

  async backingFor(
    organizationId: string,
    certificateIds: string[],
    scope?: { onlyFactoryId: string | null },
  ): Promise<Map<string, CertificateBackingAgreement[]>> {
    const backing = new Map<string, CertificateBackingAgreement[]>();
    if (certificateIds.length === 0) return backing;
    if (scope && !scope.onlyFactoryId) return backing;
    const agreements = await this.transactions.reader.getRepository(Agreement).find({
      where: {
        organizationId,
        certificateId: In([...new Set(certificateIds)]),
        ...(scope ? { factoryId: scope.onlyFactoryId! } : {}),
      },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
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
