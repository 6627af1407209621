import { Module, OnModuleInit } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { FactoriesModule } from '../factories/factories.module';
import { FactoryHoldingsService } from '../factories/factory-holdings.service';
import { OrganizationsModule } from '../organizations/organizations.module';
import { CertificateLinksService } from './certificate-links.service';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';
import { CertificateExportLookup } from './dto/certificate.columns';
import { FactoryCertificatesService } from './factory-certificates.service';
import { StandardsController } from './standards.controller';

@Module({
  imports: [AuditModule, OrganizationsModule, FactoriesModule],
  controllers: [CertificatesController, StandardsController],
  providers: [
    CertificatesService,
    FactoryCertificatesService,
    CertificateLinksService,
    CertificateExportLookup,
  ],
  exports: [CertificatesService, CertificateLinksService],
})
export class CertificatesModule implements OnModuleInit {
  constructor(
    private readonly holdings: FactoryHoldingsService,
    private readonly factoryCertificates: FactoryCertificatesService,
  ) {}

  /** Deleting a factory deletes the certificates it holds (FactoriesService cannot import this feature). */
  onModuleInit(): void {
    this.holdings.certificates.provide(this.factoryCertificates);
  }
}
