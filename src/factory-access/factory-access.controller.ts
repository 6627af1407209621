import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '../common/actor';
import { InviteFactoryManagerDto } from './dto/factory-invitation.dto';
import { FactoryAccessService } from './factory-access.service';

@ApiTags('factories')
@ApiBearerAuth()
@Controller('factories')
export class FactoryAccessController {
  constructor(private readonly access: FactoryAccessService) {}

  /**
   * Invites the factory's manager: emailed, and answered with the link so it can also be
   * passed on by chat. Single use, valid 7 days, revocable with DELETE /invitations/:id.
   */
  @Post(':id/invitations')
  @Roles('admin')
  invite(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: InviteFactoryManagerDto,
  ) {
    return this.access.inviteManager(actor, id, body);
  }
}
