import {
  Controller,
  Get,
  Param,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, CurrentActor, Roles } from '../common/actor';
import { DocumentsService, UploadedDocument } from './documents.service';
import { toDocumentResponse } from './dto/document.response';
import { MAX_DOCUMENT_BYTES } from './documents.errors';

/** Multer options shared by every upload route: one file, at most 10 MB, kept in memory. */
export const DOCUMENT_UPLOAD = FileInterceptor('file', {
  limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 5 },
  // Browsers send file names as raw UTF-8 (Chinese names are common); busboy's default is latin1.
  defParamCharset: 'utf8',
});

export const DOCUMENT_UPLOAD_BODY = ApiBody({
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: { type: 'string', format: 'binary', description: 'PDF, JPEG or PNG, at most 10 MB' },
    },
  },
});

@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post('certificates/:id/documents')
  @Roles('admin', 'member', 'factory_manager')
  @UseInterceptors(DOCUMENT_UPLOAD)
  @ApiConsumes('multipart/form-data')
  @DOCUMENT_UPLOAD_BODY
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
    return { items: documents.map((d) => toDocumentResponse(d.document, d.duplicate, actor)) };
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
