import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-responses';
import { Public } from '../common/actor';
import { ContactUnsubscribeService } from './contact-unsubscribe.service';
import {
  ContactUnsubscribePreview,
  ContactUnsubscribeQueryDto,
  ContactUnsubscribeResponse,
} from './dto/contact-unsubscribe.dto';

/** RFC 8058 one-click unsubscribe for factory contacts (people who are no users). */
@ApiTags('reminders')
@Controller('contacts')
export class ContactUnsubscribeController {
  constructor(private readonly unsubscribes: ContactUnsubscribeService) {}

  @Post('unsubscribe')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'One-click unsubscribe (RFC 8058) of a factory contact, from the List-Unsubscribe link: no login',
  })
  @ApiOkResponse({ type: ContactUnsubscribeResponse })
  @ApiErrors(400)
  async unsubscribe(
    @Query() query: ContactUnsubscribeQueryDto,
  ): Promise<ContactUnsubscribeResponse> {
    const result = await this.unsubscribes.unsubscribe(query.token);
    return { email: result.email, unsubscribed: true };
  }

  @Get('unsubscribe')
  @Public()
  @ApiOperation({
    summary: 'What the unsubscribe link does, without doing it (a mail scanner may open links)',
  })
  @ApiOkResponse({ type: ContactUnsubscribePreview })
  @ApiErrors(400)
  preview(@Query() query: ContactUnsubscribeQueryDto): ContactUnsubscribePreview {
    const claims = this.unsubscribes.verify(query.token);
    return { email: claims.em, method: 'POST' };
  }
}
