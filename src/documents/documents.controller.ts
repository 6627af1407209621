import { Controller, Get, Param, Post, Res, StreamableFile, UploadedFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiAuthErrors, ApiErrors, binaryContent } from '../common/api-responses';
import type { Response } from 'express';
import { Actor, CurrentActor, Roles } from '../common/actor';
import { DocumentsService, UploadedDocument } from './documents.service';
import {
  DOCUMENT_CONTENT_TYPES,
  DocumentListResponse,
  DocumentResponse,
  toDocumentResponse,
} from './dto/document.response';
import { DocumentUpload, toDocumentListResponse } from './document-upload';

@ApiTags('documents')
@ApiBearerAuth()
@ApiAuthErrors()
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post('certificates/:id/documents')
  @Roles('admin', 'member', 'factory_manager')
  @DocumentUpload()
  @ApiOperation({
    summary: 'Attach a document (PDF or photo) to the certificate, as a new version',
  })
  @ApiCreatedResponse({ type: DocumentResponse })
  @ApiErrors(404)
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @UploadedFile() file: UploadedDocument | undefined,
  ): Promise<DocumentResponse> {
    const { document, duplicate } = await this.documents.uploadToCertificate(actor, id, file);
    return toDocumentResponse(document, duplicate, actor);
  }

  @Get('certificates/:id/documents')
  @Roles('admin', 'member', 'factory_manager')
  @ApiOperation({ summary: "The certificate's documents, every version, newest first" })
  @ApiOkResponse({ type: DocumentListResponse })
  @ApiErrors(404)
  async list(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<DocumentListResponse> {
    const documents = await this.documents.listForCertificate(actor, id);
    return toDocumentListResponse(documents, actor);
  }

  @Get('documents/:id')
  @Roles('admin', 'member', 'factory_manager')
  @ApiOperation({ summary: 'Download a document, as an attachment with its detected type' })
  @ApiOkResponse({ description: 'The file', content: binaryContent(...DOCUMENT_CONTENT_TYPES) })
  @ApiErrors(404)
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
