import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { IsNull, MoreThan } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor, Role } from '../common/actor';
import { isForeignKeyViolation } from '../common/all-exceptions.filter';
import { Clock } from '../common/clock';
import { DomainError, notFound } from '../common/errors';
import { TenantRepository } from '../common/tenancy';
import { appConfig, authConfig } from '../config/configuration';
import { Transactions } from '../database/transactions';
import { MailService } from '../mail/mail.service';
import type { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { Invitation } from './invitation.entity';
import { InvitationContext, invitationMail } from './invitation.mail';

export interface NewInvitation {
  organizationId: string;
  email: string;
  name: string;
  role: Role;
  locale?: string | null;
  factoryId?: string | null;
  userId?: string | null;
  invitedById: string | null;
}

export interface IssuedInvitation {
  id: string;
  inviteUrl: string;
  token: string;
  expiresAt: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function invalidToken(code: string, message: string): DomainError {
  return new DomainError('invalid', `INVITATION.${code}`, message, [{ field: 'token', message }]);
}

function factoryGone(): DomainError {
  return new DomainError(
    'conflict',
    'INVITATION.FACTORY_GONE',
    'The factory of this invitation has been removed; ask the trader for a new invitation',
  );
}

/** Single-use, hashed, expiring links by which staff and factory managers join. */
@Injectable()
export class InvitationsService {
  private readonly logger = new Logger(InvitationsService.name);
  private readonly invitations = new TenantRepository(Invitation, () => notFound('invitation'));

  constructor(
    private readonly transactions: Transactions,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly clock: Clock,
    @Inject(authConfig.KEY) private readonly auth: ConfigType<typeof authConfig>,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  /**
   * Creates the invitation in the caller's transaction when called inside `run`, else in
   * one of its own; send it with `deliver` after commit.
   */
  issue(fields: NewInvitation): Promise<{ invitation: Invitation; issued: IssuedInvitation }> {
    return this.transactions.run(async (manager) => {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(
        this.clock.now().getTime() + this.auth.invitationTtlDays * 86_400_000,
      );
      const invitation = await this.invitations.insert(manager, fields.organizationId, {
        email: fields.email.toLowerCase(),
        name: fields.name,
        role: fields.role,
        locale: fields.locale ?? null,
        factoryId: fields.factoryId ?? null,
        userId: fields.userId ?? null,
        invitedById: fields.invitedById,
        tokenHash: hashToken(token),
        expiresAt,
      });
      await this.audit.record({
        organizationId: fields.organizationId,
        actorId: fields.invitedById,
        action: 'invitation.created',
        entityType: 'invitation',
        entityId: invitation.id,
        after: { email: invitation.email, role: invitation.role, factoryId: invitation.factoryId },
      });
      const inviteUrl = `${this.app.publicUrl}/accept-invitation?token=${encodeURIComponent(token)}`;
      return {
        invitation,
        issued: { id: invitation.id, inviteUrl, token, expiresAt: expiresAt.toISOString() },
      };
    });
  }

  /** Best effort: the link is also in the API answer, so a mail failure must not undo the invitation. */
  async deliver(
    invitation: Invitation,
    issued: IssuedInvitation,
    context: InvitationContext,
  ): Promise<void> {
    try {
      await this.mail.send({
        to: invitation.email,
        ...(await invitationMail(invitation, issued, context)),
      });
    } catch (error) {
      this.logger.warn(
        `Could not email the invitation to ${invitation.email}: ${(error as Error).message}`,
      );
    }
  }

  /** Sets the password (creating the user where the invitation has none yet) and spends the token. */
  accept(token: string, passwordHash: string): Promise<User> {
    return this.transactions.run(async (manager) => {
      // Across organizations: the token is the key, held as a credential before any
      // organization is known.
      const repo = this.invitations.acrossTenants(manager);
      const invitation = await repo.findOne({ where: { tokenHash: hashToken(token) } });
      if (!invitation) throw invalidToken('UNKNOWN', 'token is not a valid invitation');
      if (invitation.revokedBecauseFactoryRemoved) throw factoryGone();
      if (invitation.revokedAt)
        throw invalidToken('REVOKED', 'token belongs to a revoked invitation');
      if (invitation.acceptedAt) throw invalidToken('USED', 'token has already been used');
      if (invitation.expiresAt.getTime() < this.clock.now().getTime()) {
        throw invalidToken('EXPIRED', 'token has expired; ask for a new invitation');
      }
      const spent = await repo.update(
        { id: invitation.id, acceptedAt: IsNull(), revokedAt: IsNull() },
        { acceptedAt: this.clock.now() },
      );
      if (!spent.affected) throw invalidToken('USED', 'token has already been used');

      let user: User;
      if (invitation.userId) {
        user = await this.users.get(invitation.organizationId, invitation.userId);
        await this.users.setPassword(invitation.organizationId, user.id, passwordHash);
      } else {
        user = await this.users
          .insert({
            organizationId: invitation.organizationId,
            email: invitation.email,
            name: invitation.name,
            role: invitation.role,
            locale: invitation.locale,
            factoryId: invitation.factoryId,
            passwordHash,
          })
          .catch((error: unknown) => {
            // The factory was deleted after the invitation was sent: the whole transaction
            // (the token spent above included) rolls back, and the person is told why.
            if (invitation.factoryId && isForeignKeyViolation(error)) throw factoryGone();
            throw error;
          });
      }
      await this.audit.record({
        organizationId: invitation.organizationId,
        actorId: user.id,
        action: 'invitation.accepted',
        entityType: 'invitation',
        entityId: invitation.id,
        after: { userId: user.id },
      });
      return user;
    });
  }

  /** Invitations sent and not yet accepted, revoked or expired, newest first. */
  pending(actor: Actor): Promise<Invitation[]> {
    return this.invitations.findMany(this.transactions.manager, actor.organizationId, {
      where: {
        acceptedAt: IsNull(),
        revokedAt: IsNull(),
        expiresAt: MoreThan(this.clock.now()),
      },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  /** FactoryInvitations: the factory is being deleted; its managers' pending invitations go with it. */
  async revokeAllFor(organizationId: string, factoryId: string): Promise<void> {
    await this.invitations.update(
      this.transactions.manager,
      organizationId,
      { factoryId, acceptedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: this.clock.now(), revokedBecauseFactoryRemoved: true },
    );
  }

  /**
   * Revokes the pending invitations of a user being removed (by user row or by email), in
   * the caller's transaction when called inside `run`.
   */
  revokePendingFor(organizationId: string, user: { id: string; email: string }): Promise<void> {
    return this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const pending = { acceptedAt: IsNull(), revokedAt: IsNull() };
      await this.invitations.update(
        manager,
        organizationId,
        { ...pending, userId: user.id },
        { revokedAt: now },
      );
      await this.invitations.update(
        manager,
        organizationId,
        { ...pending, email: user.email },
        { revokedAt: now },
      );
    });
  }

  revoke(actor: Actor, id: string): Promise<void> {
    return this.transactions.run(async (manager) => {
      const invitation = await this.invitations.get(manager, actor.organizationId, id);
      if (invitation.acceptedAt) {
        throw new DomainError(
          'conflict',
          'INVITATION.ALREADY_ACCEPTED',
          'The invitation has already been accepted',
        );
      }
      if (invitation.revokedAt) return;
      await this.invitations.update(
        manager,
        actor.organizationId,
        { id },
        { revokedAt: this.clock.now() },
      );
      // A colleague added by an admin has a user row from the start; revoked before they
      // joined, it goes too, so that the email can be invited again.
      if (invitation.userId)
        await this.users.removeIfNeverJoined(actor.organizationId, invitation.userId);
      await this.audit.recordBy(
        actor,
        'invitation.revoked',
        'invitation',
        id,
        { revokedAt: null },
        { revokedAt: this.clock.now() },
      );
    });
  }
}
