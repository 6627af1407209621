import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { UpdateReminderPolicyDto } from './dto/reminder-policy.dto';
import { ReminderQueryDto, toReminderResponse } from './dto/reminder.dto';
import { ReminderPolicyService } from './reminder-policy.service';
import { RemindersService } from './reminders.service';
import { REMINDER_EXPORT } from './dto/reminder.columns';
import { Exportable } from '../common/export/exportable';

@ApiTags('reminders')
@ApiBearerAuth()
@Controller('reminders')
export class RemindersController {
  constructor(
    private readonly reminders: RemindersService,
    private readonly acknowledgements: ReminderAcknowledgementsService,
  ) {}

  /** Reminders of the organization: `?state=failed`, `?kind=…`, `?certificateId=…`. */
  @Get()
  @Exportable(REMINDER_EXPORT)
  async list(@CurrentActor() actor: Actor, @Query() query: ReminderQueryDto) {
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
      'Acknowledges a notice you received, with a note: its repeats and escalations stay quiet until quietUntil',
  })
  @ApiCreatedResponse({ type: ReminderAcknowledgementResponse })
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
      "Acknowledges a notice from the digest's one-click link, without a login (the link works once and expires)",
  })
  @ApiCreatedResponse({ type: ReminderAcknowledgementResponse })
  async acknowledgeByLink(
    @Body() body: AcknowledgeByLinkDto,
  ): Promise<ReminderAcknowledgementResponse> {
    return toAcknowledgementResponse(await this.acknowledgements.acknowledgeByLink(body));
  }

  /** Runs the daily scan for the caller's organization now and sends its digests. */
  @Post('scan')
  @Roles('admin')
  @HttpCode(200)
  scan(@CurrentActor() actor: Actor) {
    return this.reminders.scanNow(actor);
  }

  /** Sends a failed reminder again, with fresh attempts. */
  @Post(':id/retry')
  @Roles('admin')
  @HttpCode(200)
  async retry(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return toReminderResponse(await this.reminders.retry(actor, id));
  }
}

@ApiTags('reminders')
@ApiBearerAuth()
@Controller('settings/reminders')
export class ReminderPolicyController {
  constructor(private readonly policies: ReminderPolicyService) {}

  @Get()
  get(@CurrentActor() actor: Actor) {
    return this.policies.get(actor.organizationId);
  }

  @Put()
  @Roles('admin')
  update(@CurrentActor() actor: Actor, @Body() body: UpdateReminderPolicyDto) {
    return this.policies.update(actor, body);
  }
}
