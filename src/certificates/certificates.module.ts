import { Global, Module } from '@nestjs/common';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';
import { StandardsController } from './standards.controller';

@Global()
@Module({
  controllers: [CertificatesController, StandardsController],
  providers: [CertificatesService],
  exports: [CertificatesService],
})
export class CertificatesModule {}
