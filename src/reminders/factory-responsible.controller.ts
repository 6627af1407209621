import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '../common/actor';
import { ApiAuthErrors, ApiErrors } from '../common/api-responses';
import {
  FactoryResponsibleResponse,
  SetFactoryResponsibleDto,
} from './dto/factory-responsible.dto';
import { FactoryResponsiblesService } from './factory-responsibles.service';

/** Who looks after a factory: its notices go to them (README, "Who hears of what"). */
@ApiTags('factories')
@ApiBearerAuth()
@ApiAuthErrors()
@Controller('factories')
export class FactoryResponsibleController {
  constructor(private readonly responsibles: FactoryResponsiblesService) {}

  @Get(':id/responsible')
  @Roles('admin', 'member')
  @ApiOperation({ summary: 'The colleagues who look after the factory and receive its notices' })
  @ApiOkResponse({ type: FactoryResponsibleResponse })
  @ApiErrors(404)
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<FactoryResponsibleResponse> {
    return this.responsibles.get(actor, id);
  }

  @Put(':id/responsible')
  @Roles('admin')
  @ApiOperation({
    summary:
      'Sets who looks after the factory (admins or members): they get its notices, admins only once escalated',
  })
  @ApiOkResponse({ type: FactoryResponsibleResponse })
  @ApiErrors(400, 404)
  set(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: SetFactoryResponsibleDto,
  ): Promise<FactoryResponsibleResponse> {
    return this.responsibles.set(actor, id, body.userIds);
  }
}
