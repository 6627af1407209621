import { Module } from '@nestjs/common';
import { DocumentStorage, FolderDocumentStorage } from './document-storage';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

@Module({
  controllers: [DocumentsController],
  providers: [DocumentsService, { provide: DocumentStorage, useClass: FolderDocumentStorage }],
  exports: [DocumentsService],
})
export class DocumentsModule {}
