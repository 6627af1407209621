import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Public, Roles } from '../common/actor';
import { toOrganizationResponse } from '../organizations/dto/organization.dto';
import { OrganizationsService } from '../organizations/organizations.service';
import { AuthService } from './auth.service';
import { AcceptInvitationDto, LoginDto, SignupDto } from './dto/auth.dto';
import { InvitationsService } from './invitations.service';
import { AuthThrottlerGuard } from './auth-throttler.guard';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly invitations: InvitationsService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Public()
  @UseGuards(AuthThrottlerGuard)
  @Post('auth/signup')
  signup(@Body() body: SignupDto) {
    return this.auth.signup(body);
  }

  @Public()
  @UseGuards(AuthThrottlerGuard)
  @Post('auth/login')
  @HttpCode(200)
  login(@Body() body: LoginDto) {
    return this.auth.login(body);
  }

  @Public()
  @UseGuards(AuthThrottlerGuard)
  @Post('auth/accept-invitation')
  @HttpCode(200)
  acceptInvitation(@Body() body: AcceptInvitationDto) {
    return this.auth.acceptInvitation(body);
  }

  @ApiBearerAuth()
  @Roles('admin', 'member', 'factory_manager')
  @Get('auth/me')
  async me(@CurrentActor() actor: Actor) {
    const organization = await this.organizations.get(actor.organizationId);
    return { user: actor, organization: toOrganizationResponse(organization) };
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Delete('invitations/:id')
  @HttpCode(204)
  revoke(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.invitations.revoke(actor, id);
  }
}
