import { Body, Controller, Delete, HttpCode, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '../common/actor';
import { AgreementsService } from './agreements.service';
import { toMilestoneResponse } from './dto/agreement.response';
import { UpdateMilestoneDto } from './dto/milestone.dto';
import { MilestonesService } from './milestones.service';

@ApiTags('agreements')
@ApiBearerAuth()
@Controller('milestones')
export class MilestonesController {
  constructor(
    private readonly milestones: MilestonesService,
    private readonly agreements: AgreementsService,
  ) {}

  /** Edits a milestone; a factory manager of its factory may mark it done (or pending again). */
  @Patch(':id')
  @Roles('admin', 'member', 'factory_manager')
  async update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: UpdateMilestoneDto,
  ) {
    const milestone = await this.milestones.update(actor, id, body);
    return toMilestoneResponse(milestone, await this.agreements.today(actor.organizationId));
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.milestones.remove(actor, id);
  }
}
