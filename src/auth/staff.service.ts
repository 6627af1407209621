import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { isFactoryManager } from '../common/factory-scope';
import { Transactions } from '../database/transactions';
import { OrganizationsService } from '../organizations/organizations.service';
import { DomainError } from '../common/errors';
import { CreateUserDto, toUserResponse, UpdateUserDto, UserResponse } from '../users/dto/user.dto';
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
    const { user, invitation, issued } = await this.transactions.run(async () => {
      const user = await this.users.insert({
        organizationId: actor.organizationId,
        email: input.email,
        name: input.name,
        role: input.role,
        locale: input.locale ?? null,
        passwordHash: null,
      });
      await this.audit.recordBy(actor, 'user.created', 'user', user.id, null, toUserResponse(user));
      const { invitation, issued } = await this.invitations.issue({
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
    await this.invitations.deliver(invitation, issued, {
      organizationName: organization.name,
      organizationLocale: organization.locale,
    });
    return { ...toUserResponse(user), invitation: issued };
  }

  /** Changes a colleague's role or switches their access off and on (admins). */
  async update(actor: Actor, id: string, input: UpdateUserDto): Promise<UserResponse> {
    const user = await this.transactions.run(async () => {
      const before = await this.users.get(actor.organizationId, id);
      if (before.id === actor.userId && (input.active === false || input.role === 'member'))
        throw UserErrors.notYourself();
      // The request may only say admin or member: a manager's role never changes.
      if (input.role !== undefined && isFactoryManager(before))
        throw UserErrors.roleNotChangeable();
      const changes = {
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
      };
      const after = await this.users.update(actor.organizationId, id, changes);
      if (input.active === false && before.active)
        await this.users.endSessions(actor.organizationId, id);
      if (Object.keys(changes).length > 0) {
        await this.audit.recordBy(
          actor,
          input.active === false && before.active
            ? 'user.deactivated'
            : input.active === true && !before.active
              ? 'user.reactivated'
              : 'user.updated',
          'user',
          id,
          { role: before.role, active: before.active },
          { role: after.role, active: after.active },
        );
      }
      return after;
    });
    return toUserResponse(user);
  }

  /**
   * Removes a colleague or a factory manager (who has left): their row, so they lose
   * access at once and the email is free again, and their pending invitations.
   */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.transactions.run(async () => {
      const user = await this.users.get(actor.organizationId, id);
      if (user.id === actor.userId) throw UserErrors.notYourself();
      await this.invitations.revokePendingFor(actor.organizationId, user);
      await this.users.remove(actor.organizationId, id);
      await this.audit.recordBy(actor, 'user.removed', 'user', id, toUserResponse(user), null);
    });
  }
}

export const UserErrors = {
  notYourself: () =>
    new DomainError(
      'conflict',
      'USER.NOT_YOURSELF',
      'You cannot deactivate, demote or remove yourself; ask another administrator',
    ),
  roleNotChangeable: () =>
    new DomainError(
      'conflict',
      'USER.ROLE_NOT_CHANGEABLE',
      "A factory manager's role cannot change; invite the person as staff instead",
      [{ field: 'role', message: "a factory manager's role cannot change" }],
    ),
};
