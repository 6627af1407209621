import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../common/actor';
import { GapQueryDto, toGapResponse } from './dto/gap.dto';
import { GapsService } from './gaps.service';
import { GAP_EXPORT } from './dto/gap.columns';
import { Exportable } from '../common/export/exportable';
import { ReportRoute } from '../common/report-time-limit';

@ApiTags('gaps')
@ApiBearerAuth()
@Controller('gaps')
export class GapsController {
  constructor(private readonly gaps: GapsService) {}

  /** Every scope gap of the organization's buyers, computed now; filter by buyerId, factoryId (or `own`), standard, rule. */
  @Get()
  @ReportRoute()
  @Exportable(GAP_EXPORT)
  async list(@CurrentActor() actor: Actor, @Query() query: GapQueryDto) {
    const page = await this.gaps.gaps(actor, query);
    return { ...page, items: page.items.map(toGapResponse) };
  }
}
