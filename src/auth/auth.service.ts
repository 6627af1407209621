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
import { AcceptInvitationDto, LoginDto, SignupDto } from './dto/auth.dto';
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
    const { organization, user } = await this.transactions.run(async (manager) => {
      await this.users.assertEmailFree(manager, input.email);
      const organization = await this.organizations.create(manager, {
        name: input.organizationName,
        timezone: input.timezone ?? 'Asia/Shanghai',
        locale: input.locale ?? 'en',
      });
      const user = await this.users.insert(manager, {
        organizationId: organization.id,
        email: input.email,
        name: input.name,
        role: 'admin',
        locale: input.locale ?? null,
        passwordHash,
      });
      await this.audit.record(manager, {
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
    return { accessToken: await this.tokenFor(user), user: toUserResponse(user) };
  }

  async acceptInvitation(input: AcceptInvitationDto) {
    assertStrongPassword(input.password);
    const user = await this.invitations.accept(input.token, await hashPassword(input.password));
    return { accessToken: await this.tokenFor(user), user: toUserResponse(user) };
  }

  private tokenFor(user: User): Promise<string> {
    const payload: TokenPayload = { sub: user.id, org: user.organizationId };
    return this.jwt.signAsync(payload);
  }
}
