import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiAuthErrors, ApiErrors } from '../common/api-responses';
import { Actor, CurrentActor, Public, Roles } from '../common/actor';
import { toOrganizationResponse } from '../organizations/dto/organization.dto';
import { OrganizationsService } from '../organizations/organizations.service';
import { AuthService } from './auth.service';
import {
  AcceptInvitationDto,
  LoginDto,
  MeResponse,
  SessionResponse,
  ChangePasswordDto,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
  PasswordResetRequestedResponse,
  PendingInvitationResponse,
  SignupDto,
  SignupResponse,
  toCurrentUserResponse,
} from './dto/auth.dto';
import { PasswordResetsService } from './password-resets.service';
import { InvitationsService } from './invitations.service';
import { AuthThrottlerGuard } from './auth-throttler.guard';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly invitations: InvitationsService,
    private readonly organizations: OrganizationsService,
    private readonly passwordResets: PasswordResetsService,
  ) {}

  @Public()
  @UseGuards(AuthThrottlerGuard)
  @Post('auth/signup')
  @ApiOperation({ summary: 'Create an organization and its first admin; answers a session' })
  @ApiCreatedResponse({ type: SignupResponse })
  @ApiErrors(400, 409, 429)
  signup(@Body() body: SignupDto): Promise<SignupResponse> {
    return this.auth.signup(body);
  }

  @Public()
  @UseGuards(AuthThrottlerGuard)
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with email and password; answers a session' })
  @ApiOkResponse({ type: SessionResponse })
  @ApiErrors(400, 401, 429)
  login(@Body() body: LoginDto): Promise<SessionResponse> {
    return this.auth.login(body);
  }

  @Public()
  @UseGuards(AuthThrottlerGuard)
  @Post('auth/accept-invitation')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept an invitation by its token and choose a password; answers a session',
  })
  @ApiOkResponse({ type: SessionResponse })
  @ApiErrors(400, 429)
  acceptInvitation(@Body() body: AcceptInvitationDto): Promise<SessionResponse> {
    return this.auth.acceptInvitation(body);
  }

  @Public()
  @UseGuards(AuthThrottlerGuard)
  @Post('auth/password-reset')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Mail a link to reset the password; the same answer whether the email has an account',
  })
  @ApiAcceptedResponse({ type: PasswordResetRequestedResponse })
  @ApiErrors(400, 429)
  async requestPasswordReset(
    @Body() body: PasswordResetRequestDto,
  ): Promise<PasswordResetRequestedResponse> {
    await this.passwordResets.request(body.email);
    return {
      message:
        'If this email belongs to an account, a link to reset its password has been sent to it',
    };
  }

  @Public()
  @UseGuards(AuthThrottlerGuard)
  @Post('auth/password-reset/confirm')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Choose a new password with the mailed token; every session of the account ends',
  })
  @ApiNoContentResponse({ description: 'Password changed; log in with it' })
  @ApiErrors(400, 429)
  confirmPasswordReset(@Body() body: PasswordResetConfirmDto): Promise<void> {
    return this.passwordResets.confirm(body.token, body.password);
  }

  @ApiBearerAuth()
  @Roles('admin', 'member', 'factory_manager')
  @UseGuards(AuthThrottlerGuard)
  @Post('auth/change-password')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change your password (the current one is required); every other session ends',
  })
  @ApiOkResponse({ type: SessionResponse, description: 'A new token for this session' })
  @ApiAuthErrors()
  @ApiErrors(400, 429)
  changePassword(
    @CurrentActor() actor: Actor,
    @Body() body: ChangePasswordDto,
  ): Promise<SessionResponse> {
    return this.auth.changePassword(actor, body);
  }

  @ApiBearerAuth()
  @Roles('admin', 'member', 'factory_manager')
  @Get('auth/me')
  @ApiOperation({ summary: 'Who is logged in, and their organization' })
  @ApiOkResponse({ type: MeResponse })
  @ApiAuthErrors()
  async me(@CurrentActor() actor: Actor): Promise<MeResponse> {
    const organization = await this.organizations.get(actor.organizationId);
    return {
      // Only the documented fields: the actor also carries what the request needs internally.
      user: toCurrentUserResponse(actor),
      organization: toOrganizationResponse(organization),
    };
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Get('invitations')
  @ApiOperation({ summary: 'Invitations sent and not yet accepted, revoked or expired (admin)' })
  @ApiOkResponse({ type: PendingInvitationResponse, isArray: true })
  @ApiAuthErrors()
  async pending(@CurrentActor() actor: Actor): Promise<PendingInvitationResponse[]> {
    return (await this.invitations.pending(actor)).map((i) => ({
      id: i.id,
      email: i.email,
      name: i.name,
      role: i.role,
      factoryId: i.factoryId,
      invitedAt: i.createdAt.toISOString(),
      expiresAt: i.expiresAt.toISOString(),
    }));
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Delete('invitations/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an invitation that was not accepted yet (admin)' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiAuthErrors()
  @ApiErrors(404, 409)
  revoke(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.invitations.revoke(actor, id);
  }
}
