import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Optional,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '../common/actor';
import { CERTIFICATE_BACKING, CertificateBacking } from './certificate-links';
import { CertificatesService } from './certificates.service';
import {
  CertificateQueryDto,
  CreateCertificateDto,
  RenewCertificateDto,
  UpdateCertificateDto,
} from './dto/certificate.dto';
import { toCertificateResponse } from './dto/certificate.response';

@ApiTags('certificates')
@ApiBearerAuth()
@Controller('certificates')
export class CertificatesController {
  constructor(
    private readonly certificates: CertificatesService,
    @Optional()
    @Inject(CERTIFICATE_BACKING)
    private readonly backing: CertificateBacking | null = null,
  ) {}

  @Post()
  async create(@CurrentActor() actor: Actor, @Body() body: CreateCertificateDto) {
    const certificate = await this.certificates.create(actor, body);
    return toCertificateResponse(certificate, await this.certificates.today(actor.organizationId));
  }

  @Get()
  @Roles('admin', 'member', 'factory_manager')
  async list(@CurrentActor() actor: Actor, @Query() query: CertificateQueryDto) {
    const today = await this.certificates.today(actor.organizationId);
    const page = await this.certificates.list(actor, query, today);
    return { ...page, items: page.items.map((c) => toCertificateResponse(c, today)) };
  }

  @Get(':id')
  @Roles('admin', 'member', 'factory_manager')
  async get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const certificate = await this.certificates.get(actor, id);
    return {
      ...toCertificateResponse(certificate, await this.certificates.today(actor.organizationId)),
      backedBy: await this.backedBy(actor.organizationId, certificate.id),
    };
  }

  @Patch(':id')
  async update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: UpdateCertificateDto,
  ) {
    const certificate = await this.certificates.update(actor, id, body);
    return toCertificateResponse(certificate, await this.certificates.today(actor.organizationId));
  }

  @Post(':id/renew')
  async renew(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: RenewCertificateDto,
  ) {
    const { renewed, previous } = await this.certificates.renew(actor, id, body);
    const today = await this.certificates.today(actor.organizationId);
    return {
      ...toCertificateResponse(renewed, today),
      previous: toCertificateResponse(previous, today),
    };
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.certificates.remove(actor, id);
  }

  /** The agreements that produced the certificate (none when the agreements feature is absent). */
  private async backedBy(organizationId: string, certificateId: string) {
    const backing = await this.backing?.backingFor(organizationId, [certificateId]);
    return backing?.get(certificateId) ?? [];
  }
}
