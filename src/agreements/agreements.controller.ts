import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '../common/actor';
import { AgreementsService } from './agreements.service';
import { AgreementQueryDto, CreateAgreementDto, UpdateAgreementDto } from './dto/agreement.dto';
import { sortMilestones, toAgreementResponse, toMilestoneResponse } from './dto/agreement.response';
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

  /** Creates a draft agreement; with `plan`, its milestones are scheduled from startsOn. */
  @Post()
  async create(@CurrentActor() actor: Actor, @Body() body: CreateAgreementDto) {
    const view = await this.agreements.create(actor, body);
    const today = await this.agreements.today(actor.organizationId);
    return toAgreementResponse(view, today, {
      withMilestones: true,
      template: this.templateOf(view),
    });
  }

  /** Filters: factoryId, kind, status, atRisk. A factory manager sees only their factory's. */
  @Get()
  @Roles('admin', 'member', 'factory_manager')
  @Exportable(AGREEMENT_EXPORT)
  async list(@CurrentActor() actor: Actor, @Query() query: AgreementQueryDto) {
    const today = await this.agreements.today(actor.organizationId);
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
  async get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const view = await this.agreements.view(actor, id);
    const today = await this.agreements.today(actor.organizationId);
    return toAgreementResponse(view, today, {
      withMilestones: true,
      template: this.templateOf(view),
    });
  }

  /** Edits fields, moves the status along the allowed transitions, links the certificate. */
  @Patch(':id')
  async update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: UpdateAgreementDto,
  ) {
    const view = await this.agreements.update(actor, id, body);
    const today = await this.agreements.today(actor.organizationId);
    return toAgreementResponse(view, today, {
      withMilestones: true,
      template: this.templateOf(view),
    });
  }

  /** The agreement's plan, in order of due date. */
  @Get(':id/milestones')
  @Roles('admin', 'member', 'factory_manager')
  @Exportable(MILESTONE_EXPORT)
  async listMilestones(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() query: MilestoneQueryDto,
  ) {
    const view = await this.agreements.view(actor, id);
    const today = await this.agreements.today(actor.organizationId);
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
  async addMilestone(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: CreateMilestoneDto,
  ) {
    const milestone = await this.milestones.create(actor, id, body);
    return toMilestoneResponse(milestone, await this.agreements.today(actor.organizationId));
  }
}
