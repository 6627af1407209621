import { Controller, Get, Param, Post, Res, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, CurrentActor, Roles } from '../common/actor';
import { DocumentsService, UploadedDocument } from './documents.service';
import { toDocumentResponse } from './dto/document.response';
import { DocumentUpload, toDocumentListResponse } from './document-upload';

@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post('certificates/:id/documents')
  @Roles('admin', 'member', 'factory_manager')
  @DocumentUpload()
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @UploadedFile() file: UploadedDocument | undefined,
  ) {
    const { document, duplicate } = await this.documents.uploadToCertificate(actor, id, file);
    return toDocumentResponse(document, duplicate, actor);
  }

  /** Every version, newest first. */
  @Get('certificates/:id/documents')
  @Roles('admin', 'member', 'factory_manager')
  async list(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const documents = await this.documents.listForCertificate(actor, id);
    return toDocumentListResponse(documents, actor);
  }

  @Get('documents/:id')
  @Roles('admin', 'member', 'factory_manager')
  async download(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { document, content } = await this.documents.download(actor, id);
    response.attachment(document.fileName);
    // The detected type, not the one express would guess from the file name.
    response.setHeader('Content-Type', document.contentType);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(content, { type: document.contentType, length: content.length });
  }
}
