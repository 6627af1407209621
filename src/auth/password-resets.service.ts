import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { DomainError, notFound } from '../common/errors';
import { TenantRepository } from '../common/tenancy';
import { appConfig } from '../config/configuration';
import { Transactions } from '../database/transactions';
import { MailService } from '../mail/mail.service';
import { UsersService } from '../users/users.service';
import { hashToken } from './invitations.service';
import { PasswordReset } from './password-reset.entity';
import { passwordResetMail } from './password-reset.mail';
import { assertStrongPassword, knownWords } from './password-strength';
import { hashPassword } from './passwords';

/** Long enough to read the mail, short enough that an old mailbox is no way in. */
export const RESET_VALID_MINUTES = 60;

function invalidToken(code: string, message: string): DomainError {
  return new DomainError('invalid', `PASSWORD_RESET.${code}`, message, [
    { field: 'token', message },
  ]);
}

/** Password reset by mail: single-use, hashed, expiring tokens. */
@Injectable()
export class PasswordResetsService {
  private readonly logger = new Logger(PasswordResetsService.name);
  private readonly resets = new TenantRepository(PasswordReset, () => notFound('password_reset'));

  constructor(
    private readonly transactions: Transactions,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly clock: Clock,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  /**
   * Mails a reset link when the email belongs to an active user who has joined; does
   * nothing otherwise. The caller answers the same either way, so the answer tells
   * nobody whether the address has an account.
   */
  async request(email: string): Promise<void> {
    const user = await this.users.findForLogin(email);
    if (!user || !user.active || !user.passwordHash) return;
    const token = randomBytes(32).toString('base64url');
    await this.transactions.run(async (manager) => {
      // One live link at a time: an older one stops working when a new one is asked for.
      await this.resets.update(
        manager,
        user.organizationId,
        { userId: user.id, usedAt: IsNull() },
        { usedAt: this.clock.now() },
      );
      await this.resets.insert(manager, user.organizationId, {
        userId: user.id,
        tokenHash: hashToken(token),
        expiresAt: new Date(this.clock.now().getTime() + RESET_VALID_MINUTES * 60_000),
      });
      await this.audit.record({
        organizationId: user.organizationId,
        actorId: null,
        action: 'user.password_reset_requested',
        entityType: 'user',
        entityId: user.id,
      });
    });
    const resetUrl = `${this.app.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
    try {
      await this.mail.send({
        to: user.email,
        ...(await passwordResetMail(user, { resetUrl, validMinutes: RESET_VALID_MINUTES })),
      });
    } catch (error) {
      this.logger.warn(
        `Could not mail a password reset to ${user.email}: ${(error as Error).message}`,
      );
    }
  }

  /** Sets the new password, spends the token and ends every session of the user. */
  async confirm(token: string, password: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      // Across organizations: the token is the credential, and names its organization.
      const reset = await this.resets
        .acrossTenants(manager)
        .findOne({ where: { tokenHash: hashToken(token) } });
      if (!reset) throw invalidToken('UNKNOWN', 'token is not a valid password reset link');
      if (reset.usedAt)
        throw invalidToken('USED', 'token has already been used; ask for a new link');
      if (reset.expiresAt.getTime() < this.clock.now().getTime())
        throw invalidToken('EXPIRED', 'token has expired; ask for a new link');
      const user = await this.users.get(reset.organizationId, reset.userId);
      if (!user.active) throw invalidToken('UNKNOWN', 'token is not a valid password reset link');
      assertStrongPassword(password, knownWords(user.email, user.name));
      const spent = await this.resets.update(
        manager,
        reset.organizationId,
        { id: reset.id, usedAt: IsNull() },
        { usedAt: this.clock.now() },
      );
      if (!spent.affected)
        throw invalidToken('USED', 'token has already been used; ask for a new link');
      await this.users.setPassword(user.organizationId, user.id, await hashPassword(password));
      await this.users.endSessions(user.organizationId, user.id);
      await this.audit.record({
        organizationId: user.organizationId,
        actorId: user.id,
        action: 'user.password_reset',
        entityType: 'user',
        entityId: user.id,
      });
    });
  }
}
