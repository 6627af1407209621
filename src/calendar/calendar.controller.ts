import { Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, CurrentActor, Public, Roles } from '../common/actor';
import { ApiAuthErrors, ApiErrors } from '../common/api-responses';
import { CalendarService } from './calendar.service';
import { CalendarFeedResponse } from './dto/calendar-feed.dto';

const toResponse = (feed: { url: string; createdAt: Date }): CalendarFeedResponse => ({
  url: feed.url,
  createdAt: feed.createdAt.toISOString(),
});

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('me/calendar-feed')
  @ApiBearerAuth()
  @Roles('admin', 'member', 'factory_manager')
  @ApiOperation({ summary: 'Your private calendar feed URL (made on first ask)' })
  @ApiOkResponse({ type: CalendarFeedResponse })
  @ApiAuthErrors()
  async get(@CurrentActor() actor: Actor): Promise<CalendarFeedResponse> {
    return toResponse(await this.calendar.feedOf(actor));
  }

  @Post('me/calendar-feed')
  @ApiBearerAuth()
  @Roles('admin', 'member', 'factory_manager')
  @HttpCode(201)
  @ApiOperation({ summary: 'A new calendar feed URL; the old one stops working (404)' })
  @ApiCreatedResponse({ type: CalendarFeedResponse })
  @ApiAuthErrors()
  async renew(@CurrentActor() actor: Actor): Promise<CalendarFeedResponse> {
    return toResponse(await this.calendar.renewFeed(actor));
  }

  @Get('calendar-feeds/:token')
  @Public()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  @ApiOperation({
    summary:
      'The iCalendar feed (RFC 5545) of a person: expiries, surveillance audits, milestones, transition deadlines. No login: the secret in the URL is the credential',
  })
  @ApiOkResponse({
    description: 'The feed',
    content: { 'text/calendar': { schema: { type: 'string' } } },
  })
  @ApiErrors(404)
  feed(@Param('token') token: string): Promise<string> {
    return this.calendar.render(token);
  }
}
