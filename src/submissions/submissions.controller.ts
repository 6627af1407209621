import { Body, Controller, Get, HttpCode, Param, Post, Query, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '../common/actor';
import { DocumentUpload, toDocumentListResponse } from '../documents/document-upload';
import type { UploadedDocument } from '../documents/documents.service';
import { toDocumentResponse } from '../documents/dto/document.response';
import { CreateSubmissionDto, RejectSubmissionDto, SubmissionQueryDto } from './dto/submission.dto';
import { toSubmissionResponse } from './dto/submission.response';
import { SubmissionsService } from './submissions.service';

@ApiTags('submissions')
@ApiBearerAuth()
@Controller()
export class SubmissionsController {
  constructor(private readonly submissions: SubmissionsService) {}

  /** A proposed new certificate, renewal, status change or surveillance audit date; pending until reviewed. */
  @Post('certificates/submissions')
  @Roles('admin', 'member', 'factory_manager')
  async submit(@CurrentActor() actor: Actor, @Body() body: CreateSubmissionDto) {
    return toSubmissionResponse(await this.submissions.submit(actor, body));
  }

  @Get('submissions')
  @Roles('admin', 'member', 'factory_manager')
  async list(@CurrentActor() actor: Actor, @Query() query: SubmissionQueryDto) {
    const page = await this.submissions.list(actor, query);
    return { ...page, items: page.items.map((s) => toSubmissionResponse(s)) };
  }

  @Get('submissions/:id')
  @Roles('admin', 'member', 'factory_manager')
  async get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const submission = await this.submissions.get(actor, id);
    const documents = await this.submissions.documentsOf(actor, id);
    return toSubmissionResponse(
      submission,
      documents.map((d) => toDocumentResponse(d.document, d.duplicate, actor)),
    );
  }

  @Post('submissions/:id/documents')
  @Roles('admin', 'member', 'factory_manager')
  @DocumentUpload()
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @UploadedFile() file: UploadedDocument | undefined,
  ) {
    const { document, duplicate } = await this.submissions.uploadDocument(actor, id, file);
    return toDocumentResponse(document, duplicate, actor);
  }

  @Get('submissions/:id/documents')
  @Roles('admin', 'member', 'factory_manager')
  async documents(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const documents = await this.submissions.documentsOf(actor, id);
    return toDocumentListResponse(documents, actor);
  }

  /** Trader staff only. */
  @Post('submissions/:id/approve')
  @HttpCode(200)
  async approve(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return toSubmissionResponse(await this.submissions.approve(actor, id));
  }

  /** Trader staff only. */
  @Post('submissions/:id/reject')
  @HttpCode(200)
  async reject(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: RejectSubmissionDto,
  ) {
    return toSubmissionResponse(await this.submissions.reject(actor, id, body.reason));
  }
}
