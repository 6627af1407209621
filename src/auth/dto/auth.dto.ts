import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import type { Actor, Role } from '../../common/actor';
import { LOCALES } from '../../common/locales';
import { OrganizationResponse } from '../../organizations/dto/organization.dto';
import { UserResponse } from '../../users/dto/user.dto';
import { IsTimezone, IsOptionalNotNull, IsSingleLine } from '../../common/validators';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lower = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class SignupDto {
  @ApiProperty({ example: 'Ningbo Export Trading Co.' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsSingleLine()
  organizationName: string;

  @ApiProperty({ example: 'Li Wei' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsSingleLine()
  name: string;

  @ApiProperty({ example: 'li.wei@example.com' })
  @Transform(lower)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 10, example: 'correct horse battery' })
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters long' })
  @MaxLength(200)
  password: string;

  @ApiProperty({ required: false, example: 'Asia/Shanghai' })
  @IsOptionalNotNull()
  @IsTimezone()
  timezone?: string;

  @ApiProperty({ required: false, enum: LOCALES })
  @IsOptionalNotNull()
  @IsIn(LOCALES)
  locale?: (typeof LOCALES)[number];
}

export class LoginDto {
  @ApiProperty()
  @Transform(lower)
  @IsEmail({}, { message: 'email must be an email address' })
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class AcceptInvitationDto {
  @ApiProperty()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters long' })
  @MaxLength(200)
  password: string;
}

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'li.wei@example.com' })
  @Transform(lower)
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty({ description: 'The token from the mailed link' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters long' })
  @MaxLength(200)
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10, { message: 'newPassword must be at least 10 characters long' })
  @MaxLength(200)
  newPassword: string;
}

/** The same answer whether or not the email has an account. */
export class PasswordResetRequestedResponse {
  @ApiProperty({
    example:
      'If this email belongs to an account, a link to reset its password has been sent to it',
  })
  message: string;
}

/** An invitation link just issued: emailed, and answered so it can be passed on by chat. */
export class IssuedInvitationResponse {
  @ApiProperty({ format: 'uuid', description: 'Revoke with DELETE /invitations/{id}.' })
  id: string;
  @ApiProperty({ example: 'https://certpact.example/accept-invitation?token=…' })
  inviteUrl: string;
  @ApiProperty({ description: 'Single use; only its hash is stored.' })
  token: string;
  @ApiProperty({ format: 'date-time', description: 'Valid 7 days.' })
  expiresAt: string;
}

/** An invitation sent and not yet accepted, revoked or expired (the team page lists them). */
export class PendingInvitationResponse {
  @ApiProperty({ format: 'uuid', description: 'Revoke with DELETE /invitations/{id}.' })
  id: string;
  @ApiProperty({ example: 'zhang.min@ningbo-trading.example' })
  email: string;
  @ApiProperty({ example: 'Zhang Min' })
  name: string;
  @ApiProperty({ enum: ['admin', 'member', 'factory_manager'] })
  role: Role;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'A factory manager’s factory',
  })
  factoryId: string | null;
  @ApiProperty({ format: 'date-time' })
  invitedAt: string;
  @ApiProperty({ format: 'date-time' })
  expiresAt: string;
}

export class SessionResponse {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`.' })
  accessToken: string;
  @ApiProperty({ type: UserResponse })
  user: UserResponse;
}

export class SignupResponse extends SessionResponse {
  @ApiProperty({ type: OrganizationResponse })
  organization: OrganizationResponse;
}

export class CurrentUserResponse {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ enum: ['admin', 'member', 'factory_manager'] }) role: Role;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'Set for factory managers only: the one factory they may see.',
  })
  factoryId: string | null;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true, enum: ['en', 'zh-CN'] }) locale: string | null;
}

/** The signed-in user as `GET /auth/me` answers it: the documented fields of the actor, no more. */
export function toCurrentUserResponse(actor: Actor): CurrentUserResponse {
  const { userId, organizationId, role, factoryId, email, name, locale } = actor;
  return { userId, organizationId, role, factoryId, email, name, locale };
}

export class MeResponse {
  @ApiProperty({ type: CurrentUserResponse }) user: CurrentUserResponse;
  @ApiProperty({ type: OrganizationResponse }) organization: OrganizationResponse;
}

/** A colleague just added, with the invitation they were sent. */
export class CreatedUserResponse extends UserResponse {
  @ApiProperty({ type: IssuedInvitationResponse }) invitation: IssuedInvitationResponse;
}
