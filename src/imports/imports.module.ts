import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CertificatesModule } from '../certificates/certificates.module';
import { FactoriesModule } from '../factories/factories.module';
import { ImportFiles } from './import-files';
import { ImportQueue } from './import-queue';
import { ImportsController } from './imports.controller';
import { IMPORT_QUEUE } from './imports.jobs';
import { ImportsProcessor } from './imports.processor';
import { ImportsService } from './imports.service';

@Module({
  imports: [
    AuditModule,
    FactoriesModule,
    CertificatesModule,
    BullModule.registerQueue({ name: IMPORT_QUEUE }),
  ],
  controllers: [ImportsController],
  providers: [ImportsService, ImportFiles, ImportQueue, ImportsProcessor],
  exports: [ImportsService],
})
export class ImportsModule {}
