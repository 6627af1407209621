import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiAuthErrors, ApiErrors } from '../common/api-responses';
import { Actor, CurrentActor, Roles } from '../common/actor';
import { PageQueryDto } from '../common/pagination';
import { BulkVerificationService } from './bulk-verification.service';
import {
  BulkVerifyDto,
  CreateAuditDto,
  CreateVerificationDto,
  SignalQueryDto,
} from './dto/verification.dto';
import {
  CertificationAuditPage,
  CertificationAuditResponse,
  BulkVerificationResponse,
  RecordedVerificationResponse,
  RegistryVerificationResponse,
  SignalPage,
  toAuditResponse,
  toVerificationResponse,
  VerificationRecordPage,
} from './dto/verification.response';
import { SignalsService } from './signals/signals.service';
import { VerificationsService } from './verifications.service';
import { ReportRoute } from '../common/report-time-limit';

@ApiTags('verification')
@ApiBearerAuth()
@ApiAuthErrors()
@Controller()
export class VerificationsController {
  constructor(
    private readonly verifications: VerificationsService,
    private readonly bulk: BulkVerificationService,
    private readonly signals: SignalsService,
  ) {}

  @Post('certificates/verify')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Verify many certificates with the registries; poll GET /certificates/verify/{jobId}',
  })
  @ApiAcceptedResponse({ type: BulkVerificationResponse })
  @ApiErrors(400, 503)
  startBulk(
    @CurrentActor() actor: Actor,
    @Body() body: BulkVerifyDto,
  ): Promise<BulkVerificationResponse> {
    return this.bulk.start(actor, body);
  }

  @Get('certificates/verify/:jobId')
  @ApiOperation({ summary: 'Progress and outcome of a bulk verification' })
  @ApiOkResponse({ type: BulkVerificationResponse })
  @ApiErrors(404, 503)
  bulkStatus(
    @CurrentActor() actor: Actor,
    @Param('jobId') jobId: string,
  ): Promise<BulkVerificationResponse> {
    return this.bulk.status(actor, jobId);
  }

  @Post('certificates/:id/verifications')
  @ApiOperation({ summary: 'Record a check of the certificate made by a person' })
  @ApiCreatedResponse({ type: RecordedVerificationResponse })
  @ApiErrors(400, 404)
  async record(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: CreateVerificationDto,
  ): Promise<RecordedVerificationResponse> {
    const record = await this.verifications.record(actor, id, body);
    return {
      ...toVerificationResponse(record),
      verification: await this.verifications.summaryOf(actor, id),
    };
  }

  @Get('certificates/:id/verifications')
  @Roles('admin', 'member', 'factory_manager')
  @ApiOperation({
    summary: "The certificate's checks, newest first (a factory manager: their own factory's)",
  })
  @ApiOkResponse({ type: VerificationRecordPage })
  @ApiErrors(400, 404)
  async list(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<VerificationRecordPage> {
    const page = await this.verifications.list(actor, id, query);
    return { ...page, items: page.items.map(toVerificationResponse) };
  }

  @Post('certificates/:id/verify')
  @ApiOperation({
    summary: 'Ask every configured registry now; 502 (and nothing stored) when one is down',
  })
  @ApiCreatedResponse({ type: RegistryVerificationResponse })
  @ApiErrors(404, 502)
  async verify(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
  ): Promise<RegistryVerificationResponse> {
    const records = await this.verifications.verify(actor, id);
    return {
      verifications: records.map(toVerificationResponse),
      verification: await this.verifications.summaryOf(actor, id),
    };
  }

  @Post('certificates/:id/audits')
  @ApiOperation({ summary: 'Record a surveillance or recertification audit of the certificate' })
  @ApiCreatedResponse({ type: CertificationAuditResponse })
  @ApiErrors(400, 404)
  async recordAudit(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: CreateAuditDto,
  ): Promise<CertificationAuditResponse> {
    return toAuditResponse(await this.verifications.recordAudit(actor, id, body));
  }

  @Get('certificates/:id/audits')
  @ApiOperation({ summary: "The certificate's certification audits, newest first" })
  @ApiOkResponse({ type: CertificationAuditPage })
  @ApiErrors(400, 404)
  async listAudits(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<CertificationAuditPage> {
    const page = await this.verifications.listAudits(actor, id, query);
    return { ...page, items: page.items.map(toAuditResponse) };
  }

  @Get('signals')
  @ReportRoute()
  @ApiOperation({ summary: 'Risk signals of the certificates, by certificateId or signal id' })
  @ApiOkResponse({ type: SignalPage })
  @ApiErrors(400, 404)
  listSignals(@CurrentActor() actor: Actor, @Query() query: SignalQueryDto): Promise<SignalPage> {
    return this.signals.list(actor, query);
  }
}
