import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '../common/actor';
import { PageQueryDto } from '../common/pagination';
import { BulkVerificationService } from './bulk-verification.service';
import {
  BulkVerifyDto,
  CreateAuditDto,
  CreateVerificationDto,
  SignalQueryDto,
} from './dto/verification.dto';
import { toAuditResponse, toVerificationResponse } from './dto/verification.response';
import { SignalsService } from './signals/signals.service';
import { VerificationsService } from './verifications.service';
import { ReportRoute } from '../common/report-time-limit';

@ApiTags('verification')
@ApiBearerAuth()
@Controller()
export class VerificationsController {
  constructor(
    private readonly verifications: VerificationsService,
    private readonly bulk: BulkVerificationService,
    private readonly signals: SignalsService,
  ) {}

  /** Bulk verification: answers the queued job; poll GET /certificates/verify/:jobId. */
  @Post('certificates/verify')
  @HttpCode(202)
  startBulk(@CurrentActor() actor: Actor, @Body() body: BulkVerifyDto) {
    return this.bulk.start(actor, body);
  }

  @Get('certificates/verify/:jobId')
  bulkStatus(@CurrentActor() actor: Actor, @Param('jobId') jobId: string) {
    return this.bulk.status(actor, jobId);
  }

  @Post('certificates/:id/verifications')
  async record(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: CreateVerificationDto,
  ) {
    const record = await this.verifications.record(actor, id, body);
    return {
      ...toVerificationResponse(record),
      verification: await this.verifications.summaryOf(actor, id),
    };
  }

  /** Factory managers may read the checks of their own factory's certificates. */
  @Get('certificates/:id/verifications')
  @Roles('admin', 'member', 'factory_manager')
  async list(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: PageQueryDto) {
    const page = await this.verifications.list(actor, id, query);
    return { ...page, items: page.items.map(toVerificationResponse) };
  }

  /** Asks every configured registry now; 502 (and nothing stored) when one is down. */
  @Post('certificates/:id/verify')
  async verify(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const records = await this.verifications.verify(actor, id);
    return {
      verifications: records.map(toVerificationResponse),
      verification: await this.verifications.summaryOf(actor, id),
    };
  }

  @Post('certificates/:id/audits')
  async recordAudit(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: CreateAuditDto,
  ) {
    return toAuditResponse(await this.verifications.recordAudit(actor, id, body));
  }

  @Get('certificates/:id/audits')
  async listAudits(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ) {
    const page = await this.verifications.listAudits(actor, id, query);
    return { ...page, items: page.items.map(toAuditResponse) };
  }

  @Get('signals')
  @ReportRoute()
  listSignals(@CurrentActor() actor: Actor, @Query() query: SignalQueryDto) {
    return this.signals.list(actor, query);
  }
}
