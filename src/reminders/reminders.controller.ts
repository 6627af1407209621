import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '../common/actor';
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
  constructor(private readonly reminders: RemindersService) {}

  /** Reminders of the organization: `?state=failed`, `?kind=…`, `?certificateId=…`. */
  @Get()
  @Exportable(REMINDER_EXPORT)
  async list(@CurrentActor() actor: Actor, @Query() query: ReminderQueryDto) {
    const page = await this.reminders.list(actor, query);
    return { ...page, items: page.items.map(toReminderResponse) };
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
