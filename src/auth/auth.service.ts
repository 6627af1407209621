import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '../common/errors';
import { Transactions } from '../database/transactions';
import { toOrganizationResponse } from '../organizations/dto/organization.dto';
import { OrganizationsService } from '../organizations/organizations.service';
import { toUserResponse } from '../users/dto/user.dto';
import type { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { AcceptInvitationDto, ChangePasswordDto, LoginDto, SignupDto } from './dto/auth.dto';
import { InvitationsService } from './invitations.service';
import { hashPassword, verifyPassword } from './passwords';
import { assertStrongPassword, knownWords } from './password-strength';
import type { TokenPayload } from './auth.guard';

@Injectable()
export class AuthService {
  constructor(
    private readonly transactions: Transactions,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
    private readonly invitations: InvitationsService,
    private readonly audit: AuditService,
    private readonly jwt: JwtService,
  ) {}

  async signup(input: SignupDto) {
    assertStrongPassword(
      input.password,
      knownWords(input.email, input.name, input.organizationName),
    );
    const passwordHash = await hashPassword(input.password);
    const { organization, user } = await this.transactions.run(async () => {
      await this.users.assertEmailFree(input.email);
      const organization = await this.organizations.create({
        name: input.organizationName,
        timezone: input.timezone ?? 'Asia/Shanghai',
        locale: input.locale ?? 'en',
      });
      const user = await this.users.insert({
        organizationId: organization.id,
        email: input.email,
        name: input.name,
        role: 'admin',
        locale: input.locale ?? null,
        passwordHash,
      });
      await this.audit.record({
        organizationId: organization.id,
        actorId: user.id,
        action: 'organization.created',
        entityType: 'organization',
        entityId: organization.id,
        after: { name: organization.name },
      });
      return { organization, user };
    });
    return {
      accessToken: await this.tokenFor(user),
      user: toUserResponse(user),
      organization: toOrganizationResponse(organization),
    };
  }

  async login(input: LoginDto) {
    const user = await this.users.findForLogin(input.email);
    const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
    if (!user || !ok) {
      throw new DomainError(
        'unauthenticated',
        'AUTH.BAD_CREDENTIALS',
        'The email or the password is wrong',
      );
    }
    // Told only to whoever knows the password: the account exists but is switched off.
    if (!user.active) {
      throw new DomainError(
        'forbidden',
        'AUTH.DEACTIVATED',
        'This account has been deactivated; ask an administrator of your organization',
      );
    }
    return { accessToken: await this.tokenFor(user), user: toUserResponse(user) };
  }

  /**
   * The current password is required; the new one must be strong. Every session ends,
   * this one included, which gets the new token in the answer.
   */
  async changePassword(actor: Actor, input: ChangePasswordDto) {
    const user = await this.transactions.run(async () => {
      const hash = await this.users.passwordHashOf(actor.organizationId, actor.userId);
      if (!(await verifyPassword(hash, input.currentPassword))) {
        const message = 'currentPassword is not your current password';
        throw new DomainError('invalid', 'AUTH.WRONG_PASSWORD', message, [
          { field: 'currentPassword', message },
        ]);
      }
      assertStrongPassword(input.newPassword, knownWords(actor.email, actor.name), 'newPassword');
      await this.users.setPassword(
        actor.organizationId,
        actor.userId,
        await hashPassword(input.newPassword),
      );
      await this.users.endSessions(actor.organizationId, actor.userId);
      await this.audit.record({
        organizationId: actor.organizationId,
        actorId: actor.userId,
        action: 'user.password_changed',
        entityType: 'user',
        entityId: actor.userId,
      });
      return this.users.get(actor.organizationId, actor.userId);
    });
    return { accessToken: await this.tokenFor(user), user: toUserResponse(user) };
  }

  async acceptInvitation(input: AcceptInvitationDto) {
    assertStrongPassword(input.password);
    const user = await this.invitations.accept(input.token, await hashPassword(input.password));
    return { accessToken: await this.tokenFor(user), user: toUserResponse(user) };
  }

  private tokenFor(user: User): Promise<string> {
    const payload: TokenPayload = {
      sub: user.id,
      org: user.organizationId,
      ver: user.tokenVersion,
    };
    return this.jwt.signAsync(payload);
  }
}
