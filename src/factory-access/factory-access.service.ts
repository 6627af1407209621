import { Injectable } from '@nestjs/common';
import { InvitationsService, IssuedInvitation } from '../auth/invitations.service';
import type { Actor } from '../common/actor';
import { Transactions } from '../database/transactions';
import { FactoriesService } from '../factories/factories.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { UsersService } from '../users/users.service';
import { InviteFactoryManagerDto } from './dto/factory-invitation.dto';

/** Trader admins invite the person at a factory who keeps its certificates current. */
@Injectable()
export class FactoryAccessService {
  constructor(
    private readonly transactions: Transactions,
    private readonly factories: FactoriesService,
    private readonly users: UsersService,
    private readonly invitations: InvitationsService,
    private readonly organizations: OrganizationsService,
  ) {}

  async inviteManager(
    actor: Actor,
    factoryId: string,
    input: InviteFactoryManagerDto,
  ): Promise<IssuedInvitation> {
    const { invitation, issued, factoryName } = await this.transactions.run(async (manager) => {
      const factory = await this.factories.get(actor, factoryId, manager);
      // Refused now rather than when the link is opened: the email is the login.
      await this.users.assertEmailFree(input.email);
      const issuedInvitation = await this.invitations.issue({
        organizationId: actor.organizationId,
        email: input.email,
        name: input.name,
        role: 'factory_manager',
        locale: input.locale ?? null,
        factoryId: factory.id,
        invitedById: actor.userId,
      });
      return { ...issuedInvitation, factoryName: factory.name };
    });
    const organization = await this.organizations.get(actor.organizationId);
    await this.invitations.deliver(invitation, issued, {
      organizationName: organization.name,
      organizationLocale: organization.locale,
      factoryName,
    });
    return issued;
  }
}
