import { Global, Module } from '@nestjs/common';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';
import { CertificateExportLookup } from './dto/certificate.columns';
import { FactoryCertificatesService } from './factory-certificates.service';
import { StandardsController } from './standards.controller';

@Global()
@Module({
  controllers: [CertificatesController, StandardsController],
  providers: [CertificatesService, FactoryCertificatesService, CertificateExportLookup],
  exports: [CertificatesService, FactoryCertificatesService],
})
export class CertificatesModule {}
