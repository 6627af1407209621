import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Actor } from '../common/actor';
import { Port } from '../common/port';

/** What a factory holds that another feature owns (its certificates), as deleting the factory needs it. */
export interface FactoryHoldings {
  countHeldBy(organizationId: string, factoryId: string): Promise<number>;
  /** Deletes every record the factory holds, in the caller's transaction. */
  removeAllHeldBy(actor: Actor, factoryId: string): Promise<void>;
}

/** The invitations of a factory's managers, which the auth feature owns. */
export interface FactoryInvitations {
  /** Revokes, in the caller's transaction, every pending invitation to manage the factory. */
  revokeAllFor(organizationId: string, factoryId: string): Promise<void>;
}

/**
 * The certificates feature depends on factories (a certificate's holder), so factories
 * cannot import it; CertificatesModule fills this in when it starts, and the application
 * refuses to start if it did not.
 */
@Injectable()
export class FactoryHoldingsService implements OnApplicationBootstrap {
  readonly certificates = new Port<FactoryHoldings>('FactoryHoldings', 'CertificatesModule');
  /** Filled in by AuthModule, which owns invitations. */
  readonly invitations = new Port<FactoryInvitations>('FactoryInvitations', 'AuthModule');

  onApplicationBootstrap(): void {
    this.certificates.assertProvided();
    this.invitations.assertProvided();
  }
}
