import { deflateRawSync } from 'node:zlib';

/**
 * Secrets published with the project (the compose file's old default, the README's
 * examples): anyone who has read the repository can sign tokens with them.
 */
export const PUBLISHED_SECRETS: readonly string[] = [
  'change-me-to-a-long-random-secret-of-32-chars-or-more',
  'test-secret-that-is-long-enough-for-hs256-signing',
  'multi-process-test-secret-that-is-long-enough-to-sign',
];

/** 32 bytes: what HS256 needs to be no weaker than its hash. */
export const MIN_SECRET_BITS = 256;

/**
 * A cautious estimate of a secret's entropy in bits. Each character is worth at most the
 * bits of the character classes the secret draws from (hex digits 4, base64 6...), and at
 * most two bits more than the distinct characters it actually uses; the whole is capped
 * by its deflated size, so repeated blocks count once. Random output of
 * `openssl rand -base64 32` or `-hex 32` passes; words, repeats and short strings do not.
 */
export function estimateSecretBits(secret: string): number {
  if (secret.length === 0) return 0;
  const chars = [...secret];
  let alphabet = 0;
  if (chars.some((c) => /[0-9]/.test(c))) alphabet += 10;
  if (chars.some((c) => /[a-f]/.test(c))) alphabet += 6;
  if (chars.some((c) => /[g-z]/.test(c))) alphabet += 20;
  if (chars.some((c) => /[A-Z]/.test(c))) alphabet += 26;
  if (chars.some((c) => /[^0-9a-zA-Z]/.test(c))) alphabet += 33;
  const distinct = new Set(chars).size;
  const perChar = Math.min(Math.log2(alphabet), Math.log2(distinct) + 2);
  const compressedBits = deflateRawSync(Buffer.from(secret, 'utf8')).length * 8;
  return Math.min(chars.length * perChar, compressedBits);
}

/** Why a signing secret may not be used in production, or null when it may. */
export function signingSecretProblem(
  secret: string | undefined,
  generated: string | null,
): string | null {
  if (!secret) return 'must be set in production (for example: openssl rand -base64 48)';
  if (PUBLISHED_SECRETS.includes(secret))
    return 'is a placeholder published with certpact; set a random one (for example: openssl rand -base64 48)';
  if (generated !== null && secret === generated)
    return 'is the development secret generated in DATA_DIR; set a random one of your own (for example: openssl rand -base64 48)';
  if (estimateSecretBits(secret) < MIN_SECRET_BITS)
    return 'must hold at least 32 random bytes (for example: openssl rand -base64 48)';
  return null;
}
