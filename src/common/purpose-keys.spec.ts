import { createHmac } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { purposeSigner } from './purpose-keys';

describe('purposeSigner', () => {
  const secret = 'a-signing-secret-that-is-long-enough';

  it('verifies links signed before, when the derived key was passed as a string', () => {
    const derived = createHmac('sha256', secret).update('certpact:ack').digest('base64url');
    const before = new JwtService({ secret: derived }).sign(
      { rid: 'r1' },
      { audience: 'certpact:ack' },
    );
    const claims = purposeSigner(secret, 'certpact:ack').verify<{ rid: string }>(before, {
      audience: 'certpact:ack',
    });
    expect(claims.rid).toBe('r1');
  });

  it('refuses a token of another purpose or another secret', () => {
    const token = purposeSigner(secret, 'certpact:ack').sign({ rid: 'r1' });
    expect(() => purposeSigner(secret, 'certpact:unsubscribe').verify(token)).toThrow();
    expect(() => purposeSigner(`${secret}-2`, 'certpact:ack').verify(token)).toThrow();
  });
});
