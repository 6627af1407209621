import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new feed key: 144 random bits, URL-safe. */
export function newFeedKey(): string {
  return randomBytes(18).toString('base64url');
}

function signature(secret: string, feedKey: string): string {
  return createHmac('sha256', secret).update(`calendar-feed:${feedKey}`).digest('base64url');
}

/** The secret in the feed URL: the key and its HMAC under the server's signing secret. */
export function feedToken(secret: string, feedKey: string): string {
  return `${feedKey}.${signature(secret, feedKey)}`;
}

/** The feed key of a token whose signature holds, else null. */
export function feedKeyOf(secret: string, token: string): string | null {
  const match = /^([A-Za-z0-9_-]{24})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const expected = Buffer.from(signature(secret, match[1]));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? match[1] : null;
}
