import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, CurrentActor, Public } from '../common/actor';
import { ApiAuthErrors, ApiErrors, binaryContent } from '../common/api-responses';
import { Clock } from '../common/clock';
import {
  CreatedShareLinkResponse,
  CreateShareLinkDto,
  ShareLinkResponse,
  ShareLinkVisitResponse,
  toShareLinkResponse,
} from './dto/share-link.dto';
import { SharedEvidenceResponse, toSharedEvidence } from './dto/shared-evidence.dto';
import { ShareLinksService } from './share-links.service';

@ApiTags('share links')
@Controller()
export class ShareLinksController {
  constructor(
    private readonly links: ShareLinksService,
    private readonly clock: Clock,
  ) {}

  @Post('buyers/:id/share-links')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Make a revocable, expiring link to a read-only page of the buyer’s evidence (the token is shown once)',
  })
  @ApiCreatedResponse({ type: CreatedShareLinkResponse })
  @ApiAuthErrors()
  @ApiErrors(400, 404)
  async create(
    @CurrentActor() actor: Actor,
    @Param('id') buyerId: string,
    @Body() body: CreateShareLinkDto,
  ): Promise<CreatedShareLinkResponse> {
    const { link, token, url, apiUrl } = await this.links.create(actor, buyerId, body);
    return { ...toShareLinkResponse(link, this.clock.now()), token, url, apiUrl };
  }

  @Get('buyers/:id/share-links')
  @ApiBearerAuth()
  @ApiOperation({ summary: "The buyer's share links, newest first, with their visit counts" })
  @ApiOkResponse({ type: [ShareLinkResponse] })
  @ApiAuthErrors()
  @ApiErrors(404)
  async list(
    @CurrentActor() actor: Actor,
    @Param('id') buyerId: string,
  ): Promise<ShareLinkResponse[]> {
    const now = this.clock.now();
    return (await this.links.list(actor, buyerId)).map((l) => toShareLinkResponse(l, now));
  }

  @Get('share-links/:id/visits')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'When the link was opened (the latest 500 visits)' })
  @ApiOkResponse({ type: [ShareLinkVisitResponse] })
  @ApiAuthErrors()
  @ApiErrors(404)
  async visits(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
  ): Promise<ShareLinkVisitResponse[]> {
    return (await this.links.visitsOf(actor, id)).map((v) => ({
      visitedAt: v.visitedAt.toISOString(),
      userAgent: v.userAgent,
    }));
  }

  @Post('share-links/:id/revoke')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke the link: it answers 410 from now on' })
  @ApiOkResponse({ type: ShareLinkResponse })
  @ApiAuthErrors()
  @ApiErrors(404)
  async revoke(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ShareLinkResponse> {
    return toShareLinkResponse(await this.links.revoke(actor, id), this.clock.now());
  }

  @Get('shared/:token')
  @Public()
  @ApiOperation({
    summary:
      'The shared evidence, no login: covering certificates with their live status and last check (the web page /shared/<token> shows it)',
  })
  @ApiOkResponse({ type: SharedEvidenceResponse })
  @ApiErrors(404, 410)
  async shared(
    @Param('token') token: string,
    @Headers('user-agent') userAgent: string | undefined,
  ): Promise<SharedEvidenceResponse> {
    const { link, pack } = await this.links.open(token, userAgent);
    return toSharedEvidence(pack, link.expiresAt, `/api/v1/shared/${token}/evidence-pack`);
  }

  @Get('shared/:token/evidence-pack')
  @Public()
  @ApiOperation({ summary: 'The same evidence as a PDF, no login' })
  @ApiOkResponse({
    description: 'The evidence pack (PDF)',
    content: binaryContent('application/pdf'),
  })
  @ApiErrors(404, 410)
  async sharedPdf(
    @Param('token') token: string,
    @Headers('user-agent') userAgent: string | undefined,
  ): Promise<StreamableFile> {
    const { pack, pdf } = await this.links.openPdf(token, userAgent);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `inline; filename="evidence-pack-${pack.generatedOn}.pdf"`,
      length: pdf.length,
    });
  }
}
