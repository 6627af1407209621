import { Body, Controller, Delete, HttpCode, Param, Patch } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiAuthErrors, ApiErrors } from '../common/api-responses';
import { Actor, CurrentActor, Roles } from '../common/actor';
import { AgreementsService } from './agreements.service';
import { MilestoneResponse, toMilestoneResponse } from './dto/agreement.response';
import { UpdateMilestoneDto } from './dto/milestone.dto';
import { MilestonesService } from './milestones.service';

@ApiTags('agreements')
@ApiBearerAuth()
@ApiAuthErrors()
@Controller('milestones')
export class MilestonesController {
  constructor(
    private readonly milestones: MilestonesService,
    private readonly agreements: AgreementsService,
  ) {}

  @Patch(':id')
  @Roles('admin', 'member', 'factory_manager')
  @ApiOperation({
    summary:
      'Edit a milestone; a factory manager of its factory may mark it done (or pending again)',
  })
  @ApiOkResponse({ type: MilestoneResponse })
  @ApiErrors(400, 404, 409)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: UpdateMilestoneDto,
  ): Promise<MilestoneResponse> {
    const milestone = await this.milestones.update(actor, id, body);
    return toMilestoneResponse(milestone, await this.agreements.today(actor));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: "Remove a milestone from the agreement's plan" })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(404, 409)
  remove(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.milestones.remove(actor, id);
  }
}
