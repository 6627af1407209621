import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IssuedInvitationResponse } from '../auth/dto/auth.dto';
import { ApiAuthErrors, ApiErrors } from '../common/api-responses';
import { Actor, CurrentActor, Roles } from '../common/actor';
import { InviteFactoryManagerDto } from './dto/factory-invitation.dto';
import { FactoryAccessService } from './factory-access.service';

@ApiTags('factories')
@ApiBearerAuth()
@ApiAuthErrors()
@Controller('factories')
export class FactoryAccessController {
  constructor(private readonly access: FactoryAccessService) {}

  /**
   * Invites the factory's manager: emailed, and answered with the link so it can also be
   * passed on by chat. Single use, valid 7 days, revocable with DELETE /invitations/:id.
   */
  @Post(':id/invitations')
  @Roles('admin')
  @ApiOperation({
    summary: "Invite the factory's manager: emailed, and answered with the link (valid 7 days)",
  })
  @ApiCreatedResponse({ type: IssuedInvitationResponse })
  @ApiErrors(400, 404, 409)
  invite(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: InviteFactoryManagerDto,
  ): Promise<IssuedInvitationResponse> {
    return this.access.inviteManager(actor, id, body);
  }
}
