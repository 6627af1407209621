import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '../common/actor';
import { AgreementsService } from './agreements.service';
import { AgreementQueryDto, CreateAgreementDto, UpdateAgreementDto } from './dto/agreement.dto';
import { toAgreementResponse, toMilestoneResponse } from './dto/agreement.response';
import { CreateMilestoneDto } from './dto/milestone.dto';
import { MilestonesService } from './milestones.service';

@ApiTags('agreements')
@ApiBearerAuth()
@Controller('agreements')
export class AgreementsController {
  constructor(
    private readonly agreements: AgreementsService,
    private readonly milestones: MilestonesService,
  ) {}

  /** Creates a draft agreement; with `plan`, its milestones are scheduled from startsOn. */
  @Post()
  async create(@CurrentActor() actor: Actor, @Body() body: CreateAgreementDto) {
    const view = await this.agreements.create(actor, body);
    const today = await this.agreements.today(actor.organizationId);
    return toAgreementResponse(view, today, { withMilestones: true });
  }

  /** Filters: factoryId, kind, status, atRisk. A factory manager sees only their factory's. */
  @Get()
  @Roles('admin', 'member', 'factory_manager')
  async list(@CurrentActor() actor: Actor, @Query() query: AgreementQueryDto) {
    const today = await this.agreements.today(actor.organizationId);
    const page = await this.agreements.list(actor, query, today);
    return { ...page, items: page.items.map((view) => toAgreementResponse(view, today)) };
  }

  @Get(':id')
  @Roles('admin', 'member', 'factory_manager')
  async get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const view = await this.agreements.view(actor, id);
    const today = await this.agreements.today(actor.organizationId);
    return toAgreementResponse(view, today, { withMilestones: true });
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
    return toAgreementResponse(view, today, { withMilestones: true });
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
