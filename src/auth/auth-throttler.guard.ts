import { createHash } from 'node:crypto';
import { ExecutionContext, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerStorageService } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { Response } from 'express';
import { DomainError } from '../common/errors';

/** Per client address, across every email: password spraying and mass sign-up. */
export const BY_ADDRESS = 'address';
/** Per email (or invitation/reset token), from any address: guessing one account's password. */
export const BY_ACCOUNT = 'account';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The account an attempt is about: the signed-in user (changing one's password, where a
 * stolen session must not guess the current password at will), else the email it names
 * (login, sign-up, password reset), else the token it carries (accepting an invitation,
 * confirming a reset).
 */
export function accountTracker(request: Record<string, unknown>): Promise<string> {
  const actor = request.actor as { userId?: unknown } | undefined;
  if (typeof actor?.userId === 'string') return Promise.resolve(`user:${actor.userId}`);
  const body = (request.body ?? {}) as { email?: unknown; token?: unknown };
  if (typeof body.email === 'string')
    return Promise.resolve(`email:${body.email.trim().toLowerCase()}`);
  if (typeof body.token === 'string') return Promise.resolve(`token:${sha256(body.token)}`);
  return Promise.resolve('none');
}

/**
 * Throttles login, sign-up, password reset, accepting an invitation and changing a
 * password together: the
 * buckets are shared by those routes (keyed by throttler and tracker only), so switching
 * route does not buy more attempts. Answered 429 with Retry-After.
 */
@Injectable()
export class AuthThrottlerGuard extends ThrottlerGuard {
  protected override generateKey(
    _context: ExecutionContext,
    tracker: string,
    name: string,
  ): string {
    return sha256(`${name}-${tracker}`);
  }

  protected override throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const seconds = Math.max(1, detail.timeToBlockExpire);
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    throw new DomainError(
      'rate_limited',
      'AUTH.TOO_MANY_ATTEMPTS',
      `Too many attempts; try again in ${seconds} seconds`,
    );
  }
}

/**
 * The throttler's counters in Redis, so that every API process counts together; under
 * QUEUE_PREFIX so that installations (and test runs) sharing a Redis never mix. While
 * Redis cannot be reached, each process counts in its own memory instead: logins and
 * sign-ups stay throttled (per process) and are never refused because Redis is down.
 */
export class PrefixedThrottlerStorage
  extends ThrottlerStorageRedisService
  implements OnApplicationShutdown
{
  private readonly local = new ThrottlerStorageService();
  private readonly log = new Logger('Throttling');
  private warned = false;

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    // No offline queue: while disconnected a command fails at once instead of waiting.
    super(url, { maxRetriesPerRequest: 1, enableAutoPipelining: true, enableOfflineQueue: false });
    this.redis.on('error', () => undefined);
    this.redis.on('ready', () => (this.warned = false));
  }

  override async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ) {
    try {
      return await super.increment(
        `${this.prefix}:${key}`,
        ttl,
        limit,
        blockDuration,
        throttlerName,
      );
    } catch (error) {
      if (!this.warned) {
        this.warned = true;
        this.log.warn(
          `Redis did not answer (${error instanceof Error ? error.message : String(error)}); counting attempts in this process until it does`,
        );
      }
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  onApplicationShutdown(): void {
    this.local.onApplicationShutdown();
  }
}
