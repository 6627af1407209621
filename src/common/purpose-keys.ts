import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';

/**
 * A JWT signer of one purpose (a one-click acknowledgement, an unsubscribe link) with a
 * key of its own derived from the server's signing secret, so that no token of one
 * purpose stands for another or for a sign-in.
 *
 * The key is a KeyObject made once: given a string, jsonwebtoken turns it into a key on
 * every sign and verify (createSecretKey, after trying it as a private or public key),
 * which cost more than half of the digest delivery's time. Its bytes are the UTF-8 of
 * the derived string, as they were when the string was passed, so links already mailed
 * stay valid.
 */
export function purposeSigner(secret: string, purpose: string): JwtService {
  return new JwtService({ secret: purposeKey(secret, purpose) });
}

function purposeKey(secret: string, purpose: string): KeyObject {
  const derived = createHmac('sha256', secret).update(purpose).digest('base64url');
  return createSecretKey(Buffer.from(derived, 'utf8'));
}
