import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { Clock } from '../common/clock';
import { appConfig, authConfig } from '../config/configuration';
import { FactoriesService } from '../factories/factories.service';
import { ReminderErrors } from './reminders.errors';
import { purposeSigner } from '../common/purpose-keys';

const UNSUBSCRIBE_AUDIENCE = 'certpact:contact-unsubscribe';
/** An unsubscribe link must keep working long after the mail: a year. */
const UNSUBSCRIBE_DAYS = 365;

interface UnsubscribeClaims {
  fid: string;
  org: string;
  em: string;
}

/**
 * The RFC 8058 one-click unsubscribe of mail to people who are not users (factory
 * contacts): a signed link of its own purpose, the same mechanism as the acknowledgement
 * link but with a key of its own, so neither can stand for the other.
 */
@Injectable()
export class ContactUnsubscribeService {
  private readonly links: JwtService;

  constructor(
    private readonly factories: FactoriesService,
    private readonly clock: Clock,
    @Inject(authConfig.KEY) auth: ConfigType<typeof authConfig>,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {
    this.links = purposeSigner(auth.jwtSecret, UNSUBSCRIBE_AUDIENCE);
  }

  tokenFor(contact: { organizationId: string; factoryId: string; email: string }): string {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const claims: UnsubscribeClaims = {
      fid: contact.factoryId,
      org: contact.organizationId,
      em: contact.email.toLowerCase(),
    };
    return this.links.sign(
      { ...claims, iat },
      { audience: UNSUBSCRIBE_AUDIENCE, expiresIn: `${UNSUBSCRIBE_DAYS}d` },
    );
  }

  /**
   * The web page a mail shows as its visible "unsubscribe" link: it reads what the link
   * does and stops the mail on a click (the headers' URL is for mail clients' one click).
   */
  pageUrlFor(
    contact: { organizationId: string; factoryId: string; email: string },
    token = this.tokenFor(contact),
  ): string {
    return `${this.app.publicUrl}/unsubscribe?token=${encodeURIComponent(token)}`;
  }

  /** False once the contact unsubscribed (or the factory has another contact now). */
  async mailable(contact: {
    organizationId: string;
    factoryId: string;
    email: string;
  }): Promise<boolean> {
    const [answer] = await this.mailableAmong(contact.organizationId, [contact]);
    return answer;
  }

  /** `mailable` for many contacts of one organization in one read, answered in their order. */
  async mailableAmong(
    organizationId: string,
    contacts: { factoryId: string; email: string }[],
  ): Promise<boolean[]> {
    const factories = new Map(
      (
        await this.factories.columnsOf(
          organizationId,
          contacts.map((contact) => contact.factoryId),
          ['contactEmail', 'contactUnsubscribedAt'],
        )
      ).map((factory) => [factory.id, factory]),
    );
    return contacts.map((contact) => {
      const factory = factories.get(contact.factoryId);
      return (
        !!factory &&
        !factory.contactUnsubscribedAt &&
        factory.contactEmail?.toLowerCase() === contact.email.toLowerCase()
      );
    });
  }

  /**
   * `mailable` for contacts of several organizations in one read (the digest worker's
   * batch), answered in their order.
   */
  async mailableAcross(
    contacts: { organizationId: string; factoryId: string; email: string }[],
  ): Promise<boolean[]> {
    const factories = new Map(
      (await this.factories.contactsAcross(contacts)).map((factory) => [
        `${factory.organizationId}|${factory.id}`,
        factory,
      ]),
    );
    return contacts.map((contact) => {
      const factory = factories.get(`${contact.organizationId}|${contact.factoryId}`);
      return (
        !!factory &&
        !factory.contactUnsubscribedAt &&
        factory.contactEmail?.toLowerCase() === contact.email.toLowerCase()
      );
    });
  }

  /** The `List-Unsubscribe` and `List-Unsubscribe-Post` headers of a mail to the contact. */
  headersFor(
    contact: { organizationId: string; factoryId: string; email: string },
    token = this.tokenFor(contact),
  ): Record<string, string> {
    const url = `${this.app.publicUrl}/api/v1/contacts/unsubscribe?token=${encodeURIComponent(
      token,
    )}`;
    return {
      'List-Unsubscribe': `<${url}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    };
  }

  /** Checks the token without acting on it. */
  verify(token: string): UnsubscribeClaims {
    let claims: UnsubscribeClaims;
    try {
      claims = this.links.verify<UnsubscribeClaims & object>(token, {
        audience: UNSUBSCRIBE_AUDIENCE,
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
    } catch {
      throw ReminderErrors.unsubscribeInvalid();
    }
    if (
      typeof claims.fid !== 'string' ||
      typeof claims.org !== 'string' ||
      typeof claims.em !== 'string'
    )
      throw ReminderErrors.unsubscribeInvalid();
    return claims;
  }

  /** One click: the contact gets no further mail until an admin re-enables it. */
  async unsubscribe(token: string): Promise<{ email: string; factories: number }> {
    const claims = this.verify(token);
    const changed = await this.factories
      .unsubscribeContact(claims.org, claims.fid, claims.em)
      .catch(() => Promise.reject(ReminderErrors.unsubscribeInvalid()));
    return { email: claims.em, factories: changed };
  }
}
