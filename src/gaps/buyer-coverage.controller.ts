import { Controller, Get, Headers, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../common/actor';
import { BuyerReportsService } from './buyer-reports.service';
import { renderEvidencePackPdf } from './evidence-pack.pdf';
import { ReportRoute } from '../common/report-time-limit';

/**
 * A buyer's coverage and evidence pack: the gap analysis of one buyer's requirements.
 * Here rather than in the buyers feature, which the gap analysis uses for requirements.
 * The operation ids are the ones these routes had under BuyersController, so the
 * published OpenAPI contract did not change when they moved.
 */
@ApiTags('buyers')
@ApiBearerAuth()
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
  coverage(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.reports.coverage(actor, id);
  }

  /** A PDF to send the buyer; the same content as JSON with `Accept: application/json`. */
  @Get(':id/evidence-pack')
  @ReportRoute()
  @ApiOperation({
    summary: 'The evidence pack to send a buyer (PDF, or JSON when asked)',
    operationId: 'BuyersController_evidencePack',
  })
  @ApiProduces('application/pdf', 'application/json')
  async evidencePack(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Headers('accept') accept: string | undefined,
  ) {
    const pack = await this.reports.evidencePack(actor, id);
    if (accept?.includes('application/json')) return pack;
    const pdf = await renderEvidencePackPdf(pack);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="evidence-pack-${pack.buyer.id}.pdf"`,
      length: pdf.length,
    });
  }
}
