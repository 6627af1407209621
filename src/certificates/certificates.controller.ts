import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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
import { toCertificateResponse } from './dto/certificate.response';
import { CERTIFICATE_EXPORT } from './dto/certificate.columns';
import { Exportable } from '../common/export/exportable';
import { Certificate } from './certificate.entity';

@ApiTags('certificates')
@ApiBearerAuth()
@Controller('certificates')
export class CertificatesController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly links: CertificateLinksService,
    private readonly catalog: StandardsCatalog,
  ) {}

  /**
   * Each certificate's response plus what other features know of it: verification state
   * and signals, and the agreements that back it.
   */
  private async respond(actor: Actor, list: Certificate[], today: string) {
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
      ...insights.get(c.id),
      backedBy: backing.get(c.id) ?? [],
    }));
  }

  @Post()
  async create(@CurrentActor() actor: Actor, @Body() body: CreateCertificateDto) {
    const certificate = await this.certificates.create(actor, body);
    const today = await this.certificates.today(actor.organizationId);
    return (await this.respond(actor, [certificate], today))[0];
  }

  @Get()
  @Roles('admin', 'member', 'factory_manager')
  @Exportable(CERTIFICATE_EXPORT)
  async list(@CurrentActor() actor: Actor, @Query() query: CertificateQueryDto) {
    const today = await this.certificates.today(actor.organizationId);
    const page = await this.certificates.list(actor, query, today);
    return { ...page, items: await this.respond(actor, page.items, today) };
  }

  @Get(':id')
  @Roles('admin', 'member', 'factory_manager')
  async get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const certificate = await this.certificates.get(actor, id);
    const today = await this.certificates.today(actor.organizationId);
    return (await this.respond(actor, [certificate], today))[0];
  }

  @Patch(':id')
  async update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: UpdateCertificateDto,
  ) {
    const certificate = await this.certificates.update(actor, id, body);
    const today = await this.certificates.today(actor.organizationId);
    return (await this.respond(actor, [certificate], today))[0];
  }

  @Post(':id/renew')
  async renew(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: RenewCertificateDto,
  ) {
    const { renewed, previous } = await this.certificates.renew(actor, id, body);
    const today = await this.certificates.today(actor.organizationId);
    const [renewedResponse, previousResponse] = await this.respond(
      actor,
      [renewed, previous],
      today,
    );
    return { ...renewedResponse, previous: previousResponse };
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.certificates.remove(actor, id);
  }
}
