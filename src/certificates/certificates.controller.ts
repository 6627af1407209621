import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiAuthErrors, ApiErrors } from '../common/api-responses';
import { Actor, CurrentActor, isTraderStaff, Roles } from '../common/actor';
import { StandardsCatalog } from '../config/standards-catalog';
import { CertificateLinksService } from './certificate-links.service';
import { CertificatesService } from './certificates.service';
import {
  CertificateQueryDto,
  CreateCertificateDto,
  RenewCertificateDto,
  UpdateCertificateDto,
} from './dto/certificate.dto';
import {
  CertificateDetailResponse,
  CertificatePage,
  RenewedCertificateResponse,
  toCertificateResponse,
} from './dto/certificate.response';
import { CERTIFICATE_EXPORT } from './dto/certificate.columns';
import { Exportable } from '../common/export/exportable';
import { Certificate } from './certificate.entity';
import { ReportCache } from '../database/report-cache';

/** Pages up to this size are kept (ReportCache); an export's pages are read once. */
const KEPT_PAGE_SIZE = 100;

/** Who asks, as far as an answer can differ: the person (and so their role and factory). */
function viewerOf(actor: Actor): string {
  return `${actor.organizationId}:${actor.userId}:${actor.role}:${actor.factoryId ?? ''}`;
}

@ApiTags('certificates')
@ApiBearerAuth()
@ApiAuthErrors()
@Controller('certificates')
export class CertificatesController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly links: CertificateLinksService,
    private readonly catalog: StandardsCatalog,
    private readonly answers: ReportCache,
  ) {}

  /**
   * Each certificate's response plus what other features know of it: verification state
   * and signals, and the agreements that back it.
   */
  private async respond(
    actor: Actor,
    list: Certificate[],
    today: string,
  ): Promise<CertificateDetailResponse[]> {
    const ids = list.map((c) => c.id);
    const [insights, backing] = await Promise.all([
      this.links.insights.get().forCertificates(actor, list, today),
      this.links.backing
        .get()
        .backingFor(
          actor.organizationId,
          ids,
          isTraderStaff(actor) ? undefined : { onlyFactoryId: actor.factoryId },
        ),
    ]);
    return list.map((c) => ({
      ...toCertificateResponse(c, today, this.catalog.find(c.standard)),
      ...(insights.get(c.id) as Pick<
        CertificateDetailResponse,
        'verification' | 'signals' | 'scopeAssessment'
      >),
      backedBy: backing.get(c.id) ?? [],
    }));
  }

  @Post()
  @ApiOperation({ summary: 'Record a certificate of a factory, or of the organization itself' })
  @ApiCreatedResponse({ type: CertificateDetailResponse })
  @ApiErrors(400, 404, 409)
  async create(@CurrentActor() actor: Actor, @Body() body: CreateCertificateDto) {
    const certificate = await this.certificates.create(actor, body);
    const today = await this.certificates.today(actor);
    return (await this.respond(actor, [certificate], today))[0];
  }

  @Get()
  @Roles('admin', 'member', 'factory_manager')
  @Exportable(CERTIFICATE_EXPORT, CertificatePage)
  @ApiOperation({
    summary:
      'Certificates matching the filters (a factory manager: their factory only); csv or xlsx with ?format',
  })
  @ApiErrors(400)
  async list(@CurrentActor() actor: Actor, @Query() query: CertificateQueryDto) {
    const today = await this.certificates.today(actor);
    const answer = async () => {
      const page = await this.certificates.list(actor, query, today);
      return { ...page, items: await this.respond(actor, page.items, today) };
    };
    if (query.pageSize > KEPT_PAGE_SIZE) return answer();
    return this.answers.get(
      `certificates:${viewerOf(actor)}:${today}:${JSON.stringify(query)}`,
      answer,
    );
  }

  @Get(':id')
  @Roles('admin', 'member', 'factory_manager')
  @ApiOperation({
    summary: 'One certificate with its verification, signals and backing agreements',
  })
  @ApiOkResponse({ type: CertificateDetailResponse })
  @ApiErrors(404)
  async get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const today = await this.certificates.today(actor);
    return this.answers.get(`certificate:${viewerOf(actor)}:${today}:${id}`, async () => {
      const certificate = await this.certificates.get(actor, id);
      return (await this.respond(actor, [certificate], today))[0];
    });
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Correct or update a certificate (every change is audited)' })
  @ApiOkResponse({ type: CertificateDetailResponse })
  @ApiErrors(400, 404, 409)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: UpdateCertificateDto,
  ) {
    const certificate = await this.certificates.update(actor, id, body);
    const today = await this.certificates.today(actor);
    return (await this.respond(actor, [certificate], today))[0];
  }

  @Post(':id/renew')
  @ApiOperation({
    summary: 'Record the certificate that renews this one; this one becomes superseded',
  })
  @ApiCreatedResponse({ type: RenewedCertificateResponse })
  @ApiErrors(400, 404, 409)
  async renew(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: RenewCertificateDto,
  ): Promise<RenewedCertificateResponse> {
    const { renewed, previous } = await this.certificates.renew(actor, id, body);
    const today = await this.certificates.today(actor);
    const [renewedResponse, previousResponse] = await this.respond(
      actor,
      [renewed, previous],
      today,
    );
    return { ...renewedResponse, previous: previousResponse };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a certificate recorded by mistake' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(404, 409)
  remove(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.certificates.remove(actor, id);
  }
}
