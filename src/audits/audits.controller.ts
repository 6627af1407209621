import { Body, Controller, Get, Param, Patch, Post, Query, UploadedFile } from '@nestjs/common';
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
import { FactoryStandingResponse } from '../factories/dto/factory-standing.dto';
import { AuditChecklists } from './audit-checklists';
import { AuditsService } from './audits.service';
import {
  AuditPage,
  SupplierAuditQueryDto,
  AuditResponse,
  ChecklistTemplateResponse,
  CreateSupplierAuditDto,
  toAuditResponse,
  UpdateSupplierAuditDto,
} from './dto/audit.dto';
import { CreateFindingDto, FindingResponse, toFindingResponse } from './dto/finding.dto';
import { FindingsService } from './findings.service';
import { StandingService } from './standing.service';
import type { SupplierAudit } from './supplier-audit.entity';

@ApiTags('supplier audits')
@ApiBearerAuth()
@ApiAuthErrors()
@Controller()
export class AuditsController {
  constructor(
    private readonly audits: AuditsService,
    private readonly findings: FindingsService,
    private readonly standing: StandingService,
    private readonly checklists: AuditChecklists,
    private readonly certificates: CertificatesService,
  ) {}

  @Get('audit-checklists')
  @Roles('admin', 'member', 'factory_manager')
  @ApiOperation({
    summary: 'The checklist templates an audit can use, with questions in English and Chinese',
  })
  @ApiOkResponse({ type: [ChecklistTemplateResponse] })
  templates(): ChecklistTemplateResponse[] {
    return [...this.checklists.templates];
  }

  @Post('factories/:id/audits')
  @ApiOperation({ summary: 'Record a supplier audit of the factory (trader staff)' })
  @ApiCreatedResponse({ type: AuditResponse })
  @ApiErrors(400, 404)
  async create(
    @CurrentActor() actor: Actor,
    @Param('id') factoryId: string,
    @Body() body: CreateSupplierAuditDto,
  ): Promise<AuditResponse> {
    return this.present(actor, await this.audits.create(actor, factoryId, body));
  }

  @Get('factories/:id/audits')
  @Roles('admin', 'member', 'factory_manager')
  @ApiOperation({
    summary:
      "The factory's supplier audits, newest first (a factory manager: their own factory only)",
  })
  @ApiOkResponse({ type: AuditPage })
  @ApiErrors(400, 404)
  async list(
    @CurrentActor() actor: Actor,
    @Param('id') factoryId: string,
    @Query() query: SupplierAuditQueryDto,
  ): Promise<AuditPage> {
    const page = await this.audits.list(actor, factoryId, query);
    const counts = await this.findings.countsOf(
      actor.organizationId,
      page.items.map((a) => a.id),
    );
    return {
      ...page,
      items: page.items.map((audit) =>
        toAuditResponse(audit, (t, s) => this.audits.sectionTitle(t, s), counts.get(audit.id)!),
      ),
    };
  }

  @Get('factories/:id/standing')
  @Roles('admin', 'member', 'factory_manager')
  @ApiOperation({
    summary:
      "The factory's standing (approved, conditional, not approved), explained in one sentence",
  })
  @ApiOkResponse({ type: FactoryStandingResponse })
  @ApiErrors(404)
  standingOf(@CurrentActor() actor: Actor, @Param('id') factoryId: string) {
    return this.standing.standingOf(actor, factoryId);
  }

  @Get('audits/:id')
  @Roles('admin', 'member', 'factory_manager')
  @ApiOperation({ summary: 'One supplier audit with its checklist answers, scores and findings' })
  @ApiOkResponse({ type: AuditResponse })
  @ApiErrors(404)
  async get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AuditResponse> {
    return this.present(actor, await this.audits.get(actor, id), true);
  }

  @Patch('audits/:id')
  @ApiOperation({
    summary:
      'Change an audit; answers sent replace those to the same questions, and the scores follow',
  })
  @ApiOkResponse({ type: AuditResponse })
  @ApiErrors(400, 404, 409)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: UpdateSupplierAuditDto,
  ): Promise<AuditResponse> {
    return this.present(actor, await this.audits.update(actor, id, body), true);
  }

  @Post('audits/:id/report')
  @DocumentUpload()
  @ApiOperation({
    summary:
      "Attach the audit report (a PDF of at most 10 MB); download it at the answer's reportUrl",
  })
  @ApiCreatedResponse({ type: AuditResponse })
  @ApiErrors(404)
  async uploadReport(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @UploadedFile() file: UploadedDocument | undefined,
  ): Promise<AuditResponse> {
    return this.present(actor, await this.audits.uploadReport(actor, id, file), true);
  }

  @Post('audits/:id/findings')
  @ApiOperation({
    summary:
      'Record a finding; its corrective action is due 30 days (major) or 90 days (minor) after the audit unless dueOn is given',
  })
  @ApiCreatedResponse({ type: FindingResponse })
  @ApiErrors(400, 404, 409)
  async addFinding(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: CreateFindingDto,
  ): Promise<FindingResponse> {
    const finding = await this.findings.create(actor, id, body);
    return toFindingResponse(finding, await this.certificates.today(actor));
  }

  @Get('audits/:id/findings')
  @Roles('admin', 'member', 'factory_manager')
  @ApiOperation({ summary: "The audit's findings" })
  @ApiOkResponse({ type: [FindingResponse] })
  @ApiErrors(404)
  async findingsOf(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
  ): Promise<FindingResponse[]> {
    const findings = await this.findings.listForAudit(actor, id);
    const today = await this.certificates.today(actor);
    const evidence = await this.findings.evidenceOf(actor.organizationId, [id]);
    return findings.map((f) => toFindingResponse(f, today, evidence.get(f.id)));
  }

  private async present(
    actor: Actor,
    audit: SupplierAudit,
    withFindings = false,
  ): Promise<AuditResponse> {
    const counts = await this.findings.countsOf(actor.organizationId, [audit.id]);
    let findings: FindingResponse[] | undefined;
    if (withFindings) {
      const today = await this.certificates.today(actor);
      const evidence = await this.findings.evidenceOf(actor.organizationId, [audit.id]);
      findings = (await this.findings.listForAudit(actor, audit.id)).map((f) =>
        toFindingResponse(f, today, evidence.get(f.id)),
      );
    }
    return toAuditResponse(
      audit,
      (t, s) => this.audits.sectionTitle(t, s),
      counts.get(audit.id)!,
      findings,
    );
  }
}
