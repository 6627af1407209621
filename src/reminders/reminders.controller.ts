import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiAuthErrors, ApiErrors } from '../common/api-responses';
import { Actor, CurrentActor, Public, Roles } from '../common/actor';
import {
  AcknowledgeByLinkDto,
  AcknowledgeReminderDto,
  ReminderAcknowledgementResponse,
  toAcknowledgementResponse,
} from './dto/reminder-acknowledgement.dto';
import {
  acknowledgedKey,
  ReminderAcknowledgementsService,
} from './reminder-acknowledgements.service';
import { ReminderPolicyResponse, UpdateReminderPolicyDto } from './dto/reminder-policy.dto';
import {
  ReminderPage,
  ReminderQueryDto,
  ReminderResponse,
  ScanResponse,
  toReminderResponse,
} from './dto/reminder.dto';
import { ReminderPolicyService } from './reminder-policy.service';
import { RemindersService } from './reminders.service';
import { REMINDER_EXPORT } from './dto/reminder.columns';
import { Exportable } from '../common/export/exportable';

@ApiTags('reminders')
@ApiBearerAuth()
@ApiAuthErrors()
@Controller('reminders')
export class RemindersController {
  constructor(
    private readonly reminders: RemindersService,
    private readonly acknowledgements: ReminderAcknowledgementsService,
  ) {}

  @Get()
  @Exportable(REMINDER_EXPORT, ReminderPage)
  @ApiOperation({
    summary: 'The reminders log: `?state=failed`, `?kind=…`, `?certificateId=…`, newest first',
  })
  @ApiErrors(400)
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: ReminderQueryDto,
  ): Promise<ReminderPage> {
    const page = await this.reminders.list(actor, query);
    // Each notice's latest acknowledgement, so every recipient sees who is on it.
    const acks = await this.acknowledgements.latestFor(actor.organizationId, page.items);
    return {
      ...page,
      items: page.items.map((r) => {
        const ack = acks.get(acknowledgedKey(r));
        return {
          ...toReminderResponse(r),
          acknowledgement: ack ? toAcknowledgementResponse(ack) : null,
        };
      }),
    };
  }

  @Post(':id/acknowledge')
  @Roles('admin', 'member', 'factory_manager')
  @ApiOperation({
    summary:
      'Acknowledge a notice you received, with a note: its repeats and escalations stay quiet until quietUntil',
  })
  @ApiCreatedResponse({ type: ReminderAcknowledgementResponse })
  @ApiErrors(400, 404)
  async acknowledge(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: AcknowledgeReminderDto,
  ): Promise<ReminderAcknowledgementResponse> {
    return toAcknowledgementResponse(await this.acknowledgements.acknowledge(actor, id, body));
  }

  @Post('acknowledge-link')
  @Public()
  @ApiOperation({
    summary:
      "Acknowledge a notice from the digest's one-click link, without a login (the link works once and expires)",
  })
  @ApiCreatedResponse({ type: ReminderAcknowledgementResponse })
  @ApiErrors(400, 410)
  async acknowledgeByLink(
    @Body() body: AcknowledgeByLinkDto,
  ): Promise<ReminderAcknowledgementResponse> {
    return toAcknowledgementResponse(await this.acknowledgements.acknowledgeByLink(body));
  }

  @Post('scan')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Run the daily scan for the organization now and send its digests' })
  @ApiOkResponse({ type: ScanResponse })
  scan(@CurrentActor() actor: Actor): Promise<ScanResponse> {
    return this.reminders.scanNow(actor);
  }

  @Post(':id/retry')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a failed reminder again, with fresh attempts' })
  @ApiOkResponse({ type: ReminderResponse })
  @ApiErrors(404, 409)
  async retry(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ReminderResponse> {
    return toReminderResponse(await this.reminders.retry(actor, id));
  }
}

@ApiTags('reminders')
@ApiBearerAuth()
@ApiAuthErrors()
@Controller('settings/reminders')
export class ReminderPolicyController {
  constructor(private readonly policies: ReminderPolicyService) {}

  @Get()
  @ApiOperation({ summary: "The organization's reminder policy: thresholds, hour, language" })
  @ApiOkResponse({ type: ReminderPolicyResponse })
  get(@CurrentActor() actor: Actor): Promise<ReminderPolicyResponse> {
    return this.policies.get(actor.organizationId);
  }

  @Put()
  @Roles('admin')
  @ApiOperation({ summary: 'Change the reminder policy; left-out fields keep their value (admin)' })
  @ApiOkResponse({ type: ReminderPolicyResponse })
  @ApiErrors(400)
  update(
    @CurrentActor() actor: Actor,
    @Body() body: UpdateReminderPolicyDto,
  ): Promise<ReminderPolicyResponse> {
    return this.policies.update(actor, body);
  }
}
