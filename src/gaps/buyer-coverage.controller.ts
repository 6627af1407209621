import { Controller, Get, Headers, Param, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ApiAuthErrors, ApiErrors, binaryContent } from '../common/api-responses';
import { CoverageResponse, EvidencePack } from './dto/coverage.dto';
import { Actor, CurrentActor } from '../common/actor';
import { BuyerReportsService } from './buyer-reports.service';
import { ReportRoute } from '../common/report-time-limit';

/**
 * A buyer's coverage and evidence pack: the gap analysis of one buyer's requirements.
 * Here rather than in the buyers feature, which the gap analysis uses for requirements.
 * The operation ids are the ones these routes had under BuyersController, so the
 * published OpenAPI contract did not change when they moved.
 */
@ApiTags('buyers')
@ApiBearerAuth()
@ApiAuthErrors()
@Controller('buyers')
export class BuyerCoverageController {
  constructor(private readonly reports: BuyerReportsService) {}

  /** For each requirement, the certificate that covers it (factory, number, expiry) or the gaps. */
  @Get(':id/coverage')
  @ReportRoute()
  @ApiOperation({
    summary: "A buyer's coverage: per requirement, the covering certificate or the gaps",
    operationId: 'BuyersController_coverage',
  })
  @ApiOkResponse({ type: CoverageResponse })
  @ApiErrors(404)
  coverage(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CoverageResponse> {
    return this.reports.coverage(actor, id);
  }

  /** A PDF to send the buyer; the same content as JSON with `Accept: application/json`. */
  @Get(':id/evidence-pack')
  @ReportRoute()
  @ApiOperation({
    summary: 'The evidence pack to send a buyer (PDF, or JSON when asked)',
    operationId: 'BuyersController_evidencePack',
  })
  @ApiExtraModels(EvidencePack)
  @ApiOkResponse({
    description: 'The PDF by default; the same content as JSON with `Accept: application/json`',
    content: {
      ...binaryContent('application/pdf'),
      'application/json': { schema: { $ref: getSchemaPath(EvidencePack) } },
    },
  })
  @ApiErrors(404)
  async evidencePack(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Headers('accept') accept: string | undefined,
  ) {
    if (accept?.includes('application/json')) return this.reports.evidencePack(actor, id);
    const { pack, pdf } = await this.reports.evidencePdf(actor.organizationId, id);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="evidence-pack-${pack.buyer.id}.pdf"`,
      length: pdf.length,
    });
  }
}
