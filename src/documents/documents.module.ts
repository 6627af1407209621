import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CertificatesModule } from '../certificates/certificates.module';
import { DocumentStorage, FolderDocumentStorage } from './document-storage';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

@Module({
  imports: [AuditModule, CertificatesModule],
  controllers: [DocumentsController],
  providers: [DocumentsService, { provide: DocumentStorage, useClass: FolderDocumentStorage }],
  exports: [DocumentsService],
})
export class DocumentsModule {}
