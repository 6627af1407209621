import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Optional,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../common/actor';
import { CertificatesService } from './certificates.service';
import {
  CertificateQueryDto,
  CreateCertificateDto,
  RenewCertificateDto,
  UpdateCertificateDto,
} from './dto/certificate.dto';
import { toCertificateResponse } from './dto/certificate.response';
import { Certificate } from './certificate.entity';
import { CertificateInsights } from '../verification/certificate-insights';

@ApiTags('certificates')
@ApiBearerAuth()
@Controller('certificates')
export class CertificatesController {
  constructor(
    private readonly certificates: CertificatesService,
    @Optional() private readonly insights?: CertificateInsights,
  ) {}

  /** Each certificate's response plus what the verification feature knows (state, signals). */
  private async respond(actor: Actor, list: Certificate[], today: string) {
    const insights = this.insights ? await this.insights.forCertificates(actor, list, today) : null;
    return list.map((c) => ({ ...toCertificateResponse(c, today), ...insights?.get(c.id) }));
  }

  @Post()
  async create(@CurrentActor() actor: Actor, @Body() body: CreateCertificateDto) {
    const certificate = await this.certificates.create(actor, body);
    const today = await this.certificates.today(actor.organizationId);
    return (await this.respond(actor, [certificate], today))[0];
  }

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: CertificateQueryDto) {
    const today = await this.certificates.today(actor.organizationId);
    const page = await this.certificates.list(actor, query, today);
    return { ...page, items: await this.respond(actor, page.items, today) };
  }

  @Get(':id')
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
