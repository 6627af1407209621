import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  UploadedFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiAuthErrors, ApiErrors } from '../common/api-responses';
import { Actor, CurrentActor, Roles } from '../common/actor';
import { CertificatesService } from '../certificates/certificates.service';
import { DocumentUpload } from '../documents/document-upload';
import type { UploadedDocument } from '../documents/documents.service';
import { DocumentResponse, toDocumentResponse } from '../documents/dto/document.response';
import {
  FindingPage,
  FindingQueryDto,
  FindingResponse,
  ProposeActionDto,
  ReopenFindingDto,
  ReviewFindingDto,
  toFindingResponse,
  UpdateFindingDto,
} from './dto/finding.dto';
import type { Finding } from './finding.entity';
import { FindingsService } from './findings.service';

@ApiTags('supplier audits')
@ApiBearerAuth()
@ApiAuthErrors()
@Controller('findings')
export class FindingsController {
  constructor(
    private readonly findings: FindingsService,
    private readonly certificates: CertificatesService,
  ) {}

  @Get()
  @Roles('admin', 'member', 'factory_manager')
  @ApiOperation({ summary: 'Findings, newest first (a factory manager: their own factory only)' })
  @ApiOkResponse({ type: FindingPage })
  @ApiErrors(400)
  async list(@CurrentActor() actor: Actor, @Query() query: FindingQueryDto): Promise<FindingPage> {
    const page = await this.findings.list(actor, query);
    const today = await this.certificates.today(actor);
    const evidence = await this.findings.evidenceOf(
      actor.organizationId,
      page.items.map((f) => f.auditId),
    );
    return {
      ...page,
      items: page.items.map((f) => toFindingResponse(f, today, evidence.get(f.id))),
    };
  }

  @Get(':id')
  @Roles('admin', 'member', 'factory_manager')
  @ApiOperation({ summary: 'One finding with its corrective action and evidence files' })
  @ApiOkResponse({ type: FindingResponse })
  @ApiErrors(404)
  async get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<FindingResponse> {
    return this.present(actor, await this.findings.get(actor, id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Correct a finding (trader staff)' })
  @ApiOkResponse({ type: FindingResponse })
  @ApiErrors(400, 404, 409)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: UpdateFindingDto,
  ): Promise<FindingResponse> {
    return this.present(actor, await this.findings.update(actor, id, body));
  }

  @Post(':id/corrective-action')
  @HttpCode(200)
  @Roles('admin', 'member', 'factory_manager')
  @ApiOperation({
    summary:
      'Propose the corrective action (the factory manager, or staff on their behalf): open → action_proposed',
  })
  @ApiOkResponse({ type: FindingResponse })
  @ApiErrors(400, 404, 409)
  async propose(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: ProposeActionDto,
  ): Promise<FindingResponse> {
    return this.present(actor, await this.findings.proposeAction(actor, id, body));
  }

  @Post(':id/evidence')
  @Roles('admin', 'member', 'factory_manager')
  @DocumentUpload()
  @ApiOperation({
    summary: 'Attach an evidence file (PDF, JPEG or PNG, at most 10 MB) to the finding',
  })
  @ApiCreatedResponse({ type: DocumentResponse, description: 'The stored document' })
  @ApiErrors(404, 409)
  async uploadEvidence(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @UploadedFile() file: UploadedDocument | undefined,
  ): Promise<DocumentResponse> {
    const { document, duplicate } = await this.findings.uploadEvidence(actor, id, file);
    return toDocumentResponse(document, duplicate, actor);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Verify the corrective action and close the finding (trader staff): action_proposed → verified_closed',
  })
  @ApiOkResponse({ type: FindingResponse })
  @ApiErrors(400, 404, 409)
  async close(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: ReviewFindingDto,
  ): Promise<FindingResponse> {
    return this.present(actor, await this.findings.close(actor, id, body));
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reject a proposed action or reopen a closed finding (trader staff): → open',
  })
  @ApiOkResponse({ type: FindingResponse })
  @ApiErrors(400, 404, 409)
  async reopen(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: ReopenFindingDto,
  ): Promise<FindingResponse> {
    return this.present(actor, await this.findings.reopen(actor, id, body));
  }

  private async present(actor: Actor, finding: Finding): Promise<FindingResponse> {
    const today = await this.certificates.today(actor);
    const evidence = await this.findings.evidenceOf(actor.organizationId, [finding.auditId]);
    return toFindingResponse(finding, today, evidence.get(finding.id));
  }
}
