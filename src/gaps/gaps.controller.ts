import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthErrors, ApiErrors } from '../common/api-responses';
import { Actor, CurrentActor } from '../common/actor';
import { GapPage, GapQueryDto, toGapResponse } from './dto/gap.dto';
import { GapsService } from './gaps.service';
import { GAP_EXPORT } from './dto/gap.columns';
import { Exportable } from '../common/export/exportable';
import { ReportRoute } from '../common/report-time-limit';

@ApiTags('gaps')
@ApiBearerAuth()
@ApiAuthErrors()
@Controller('gaps')
export class GapsController {
  constructor(private readonly gaps: GapsService) {}

  @Get()
  @ReportRoute()
  @Exportable(GAP_EXPORT, GapPage)
  @ApiOperation({
    summary:
      "Every scope gap of the organization's buyers, computed now; filter by buyerId, factoryId (or `own`), standard, rule",
  })
  @ApiErrors(400)
  async list(@CurrentActor() actor: Actor, @Query() query: GapQueryDto): Promise<GapPage> {
    const page = await this.gaps.gaps(actor, query);
    return { ...page, items: page.items.map(toGapResponse) };
  }
}
