import { randomBytes } from 'node:crypto';
import { estimateSecretBits, MIN_SECRET_BITS, signingSecretProblem } from './secret-strength';

describe('estimateSecretBits', () => {
  it.each([
    ['openssl rand -base64 32', randomBytes(32).toString('base64')],
    ['openssl rand -base64 48', randomBytes(48).toString('base64')],
    ['openssl rand -hex 32', randomBytes(32).toString('hex')],
    ['48 random bytes, base64url', randomBytes(48).toString('base64url')],
  ])('accepts %s', (_, secret) => {
    expect(estimateSecretBits(secret)).toBeGreaterThanOrEqual(MIN_SECRET_BITS);
  });

  it.each([
    ['a repeated letter', 'x'.repeat(64)],
    ['a repeated block', 'abcdefghij'.repeat(8)],
    ['random letters a and b', Array.from(randomBytes(64), (b) => (b % 2 ? 'a' : 'b')).join('')],
    ['sixteen random bytes', randomBytes(16).toString('hex')],
    ['a memorable phrase', 'our-company-jwt-secret-for-production'],
    ['the empty string', ''],
  ])('refuses %s', (_, secret) => {
    expect(estimateSecretBits(secret)).toBeLessThan(MIN_SECRET_BITS);
  });
});

describe('signingSecretProblem', () => {
  const good = randomBytes(48).toString('base64url');

  it('accepts a random secret', () => {
    expect(signingSecretProblem(good, null)).toBeNull();
    expect(signingSecretProblem(good, randomBytes(48).toString('base64url'))).toBeNull();
  });

  it.each([
    ['a missing secret', undefined, null],
    ['the compose placeholder', 'change-me-to-a-long-random-secret-of-32-chars-or-more', null],
    ['the generated development secret', good, good],
    ['a weak secret', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', null],
  ])('refuses %s without quoting it', (_, secret, generated) => {
    const problem = signingSecretProblem(secret, generated);
    expect(problem).toEqual(expect.any(String));
    if (secret) expect(problem).not.toContain(secret);
  });
});
