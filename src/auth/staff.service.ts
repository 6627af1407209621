import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { Transactions } from '../database/transactions';
import { OrganizationsService } from '../organizations/organizations.service';
import { CreateUserDto, toUserResponse } from '../users/dto/user.dto';
import { UsersService } from '../users/users.service';
import { InvitationsService } from './invitations.service';

/**
 * Admins add trader staff: the user row now, the password when they accept the
 * invitation. In the auth feature, beside invitations, because the users feature is
 * below auth (the guard and login read users).
 */
@Injectable()
export class StaffService {
  constructor(
    private readonly transactions: Transactions,
    private readonly users: UsersService,
    private readonly invitations: InvitationsService,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
  ) {}

  async add(actor: Actor, input: CreateUserDto) {
    const { user, invitation, issued } = await this.transactions.run(async (manager) => {
      const user = await this.users.insert(manager, {
        organizationId: actor.organizationId,
        email: input.email,
        name: input.name,
        role: input.role,
        locale: input.locale ?? null,
        passwordHash: null,
      });
      await this.audit.recordBy(
        manager,
        actor,
        'user.created',
        'user',
        user.id,
        null,
        toUserResponse(user),
      );
      const { invitation, issued } = await this.invitations.issue(manager, {
        organizationId: actor.organizationId,
        email: user.email,
        name: user.name,
        role: user.role,
        locale: user.locale,
        userId: user.id,
        invitedById: actor.userId,
      });
      return { user, invitation, issued };
    });
    const organization = await this.organizations.get(actor.organizationId);
    await this.invitations.deliver(invitation, issued, organization.name);
    return { ...toUserResponse(user), invitation: issued };
  }
}
