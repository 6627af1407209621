import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiAuthErrors, ApiErrors } from '../common/api-responses';
import { Actor, CurrentActor, Roles } from '../common/actor';
import { AgreementsService } from './agreements.service';
import { AgreementQueryDto, CreateAgreementDto, UpdateAgreementDto } from './dto/agreement.dto';
import {
  AgreementPage,
  AgreementResponse,
  MilestonePage,
  MilestoneResponse,
  sortMilestones,
  toAgreementResponse,
  toMilestoneResponse,
} from './dto/agreement.response';
import { CreateMilestoneDto } from './dto/milestone.dto';
import { MilestonesService } from './milestones.service';
import { PlanTemplates } from './plan-templates';
import type { AgreementView } from './dto/agreement.response';
import { AGREEMENT_EXPORT, MILESTONE_EXPORT } from './dto/agreement.columns';
import { MilestoneQueryDto } from './dto/milestone.dto';
import { pageOf } from '../common/pagination';
import { Exportable } from '../common/export/exportable';

@ApiTags('agreements')
@ApiBearerAuth()
@ApiAuthErrors()
@Controller('agreements')
export class AgreementsController {
  constructor(
    private readonly agreements: AgreementsService,
    private readonly milestones: MilestonesService,
    private readonly templates: PlanTemplates,
  ) {}

  /** The plan template of an agreement, whose preconditions its answer checks. */
  private templateOf(view: AgreementView) {
    const id = view.agreement.planTemplateId;
    return id ? this.templates.find(id) : undefined;
  }

  /** A single agreement's answer: its plan, and the checks that need its factory's certificates. */
  private async single(actor: Actor, view: AgreementView): Promise<AgreementResponse> {
    const [today, lapsedCertificates] = await Promise.all([
      this.agreements.today(actor),
      this.agreements.lapsedCertificatesOf(actor.organizationId, view),
    ]);
    return toAgreementResponse(view, today, {
      withMilestones: true,
      template: this.templateOf(view),
      lapsedCertificates,
    });
  }

  @Post()
  @ApiOperation({
    summary: 'Create a draft agreement; with `plan`, its milestones are scheduled from startsOn',
  })
  @ApiCreatedResponse({ type: AgreementResponse })
  @ApiErrors(400, 404)
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateAgreementDto,
  ): Promise<AgreementResponse> {
    const view = await this.agreements.create(actor, body);
    return this.single(actor, view);
  }

  @Get()
  @Roles('admin', 'member', 'factory_manager')
  @Exportable(AGREEMENT_EXPORT, AgreementPage)
  @ApiOperation({
    summary:
      "Agreements by factoryId, kind, status, atRisk (a factory manager: their factory's only)",
  })
  @ApiErrors(400)
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: AgreementQueryDto,
  ): Promise<AgreementPage> {
    const today = await this.agreements.today(actor);
    const page = await this.agreements.list(actor, query, today);
    return {
      ...page,
      items: page.items.map((view) =>
        toAgreementResponse(view, today, { template: this.templateOf(view) }),
      ),
    };
  }

  @Get(':id')
  @Roles('admin', 'member', 'factory_manager')
  @ApiOperation({ summary: 'One agreement with its milestone plan' })
  @ApiOkResponse({ type: AgreementResponse })
  @ApiErrors(404)
  async get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AgreementResponse> {
    const view = await this.agreements.view(actor, id);
    return this.single(actor, view);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Edit fields, move the status along the allowed transitions, link the certificate',
  })
  @ApiOkResponse({ type: AgreementResponse })
  @ApiErrors(400, 404, 409)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: UpdateAgreementDto,
  ): Promise<AgreementResponse> {
    const view = await this.agreements.update(actor, id, body);
    return this.single(actor, view);
  }

  @Get(':id/milestones')
  @Roles('admin', 'member', 'factory_manager')
  @Exportable(MILESTONE_EXPORT, MilestonePage)
  @ApiOperation({ summary: "The agreement's plan, in order of due date" })
  @ApiErrors(400, 404)
  async listMilestones(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() query: MilestoneQueryDto,
  ): Promise<MilestonePage> {
    const view = await this.agreements.view(actor, id);
    const today = await this.agreements.today(actor);
    const all = sortMilestones(view.milestones).filter(
      (m) => !query.status || m.status === query.status,
    );
    const start = (query.page - 1) * query.pageSize;
    const items = all
      .slice(start, start + query.pageSize)
      .map((m) => toMilestoneResponse(m, today));
    return pageOf(items, all.length, query);
  }

  @Post(':id/milestones')
  @ApiOperation({ summary: "Add a milestone to the agreement's plan" })
  @ApiCreatedResponse({ type: MilestoneResponse })
  @ApiErrors(400, 404, 409)
  async addMilestone(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: CreateMilestoneDto,
  ): Promise<MilestoneResponse> {
    const milestone = await this.milestones.create(actor, id, body);
    return toMilestoneResponse(milestone, await this.agreements.today(actor));
  }
}
