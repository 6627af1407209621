import { Body, Controller, Get, HttpCode, Param, Post, Query, UploadedFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiAuthErrors, ApiErrors } from '../common/api-responses';
import { Actor, CurrentActor, Roles } from '../common/actor';
import { DocumentUpload, toDocumentListResponse } from '../documents/document-upload';
import type { UploadedDocument } from '../documents/documents.service';
import {
  DocumentListResponse,
  DocumentResponse,
  toDocumentResponse,
} from '../documents/dto/document.response';
import { CreateSubmissionDto, RejectSubmissionDto, SubmissionQueryDto } from './dto/submission.dto';
import {
  SubmissionPage,
  SubmissionResponse,
  toSubmissionResponse,
} from './dto/submission.response';
import { SubmissionsService } from './submissions.service';

@ApiTags('submissions')
@ApiBearerAuth()
@ApiAuthErrors()
@Controller()
export class SubmissionsController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Post('certificates/submissions')
  @Roles('admin', 'member', 'factory_manager')
  @ApiOperation({
    summary:
      'Propose a new certificate, a renewal, a status change or a surveillance audit date; pending until reviewed',
  })
  @ApiCreatedResponse({ type: SubmissionResponse })
  @ApiErrors(400, 404, 409)
  async submit(
    @CurrentActor() actor: Actor,
    @Body() body: CreateSubmissionDto,
  ): Promise<SubmissionResponse> {
    return toSubmissionResponse(await this.submissions.submit(actor, body));
  }

  @Get('submissions')
  @Roles('admin', 'member', 'factory_manager')
  @ApiOperation({
    summary: 'Submissions by status, kind, factory (a factory manager: their own factory only)',
  })
  @ApiOkResponse({ type: SubmissionPage })
  @ApiErrors(400)
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: SubmissionQueryDto,
  ): Promise<SubmissionPage> {
    const page = await this.submissions.list(actor, query);
    return { ...page, items: page.items.map((s) => toSubmissionResponse(s)) };
  }

  @Get('submissions/:id')
  @Roles('admin', 'member', 'factory_manager')
  @ApiOperation({ summary: 'One submission with its documents and decision' })
  @ApiOkResponse({ type: SubmissionResponse })
  @ApiErrors(404)
  async get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<SubmissionResponse> {
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
  @ApiOperation({ summary: 'Attach the certificate (PDF or a photo) to a pending submission' })
  @ApiCreatedResponse({ type: DocumentResponse })
  @ApiErrors(404, 409)
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @UploadedFile() file: UploadedDocument | undefined,
  ): Promise<DocumentResponse> {
    const { document, duplicate } = await this.submissions.uploadDocument(actor, id, file);
    return toDocumentResponse(document, duplicate, actor);
  }

  @Get('submissions/:id/documents')
  @Roles('admin', 'member', 'factory_manager')
  @ApiOperation({ summary: "The submission's documents" })
  @ApiOkResponse({ type: DocumentListResponse })
  @ApiErrors(404)
  async documents(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
  ): Promise<DocumentListResponse> {
    const documents = await this.submissions.documentsOf(actor, id);
    return toDocumentListResponse(documents, actor);
  }

  @Post('submissions/:id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve: the proposal is applied to the certificates (trader staff only)',
  })
  @ApiOkResponse({ type: SubmissionResponse })
  @ApiErrors(400, 404, 409)
  async approve(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
  ): Promise<SubmissionResponse> {
    return toSubmissionResponse(await this.submissions.approve(actor, id));
  }

  @Post('submissions/:id/reject')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reject with a reason, which the submitter is mailed (trader staff only)',
  })
  @ApiOkResponse({ type: SubmissionResponse })
  @ApiErrors(400, 404, 409)
  async reject(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: RejectSubmissionDto,
  ): Promise<SubmissionResponse> {
    return toSubmissionResponse(await this.submissions.reject(actor, id, body.reason));
  }
}
