import { randomBytes } from 'node:crypto';
import { startApp, TestApp } from './support/app';
import { signUp } from './support/accounts';

const email = (label: string) => `${label}-${randomBytes(4).toString('hex')}@example.com`;
const signupBody = (address: string) => ({
  organizationName: 'Ningbo Export Trading',
  name: 'Li Wei',
  email: address,
  password: 'a-long-password-1',
});

function expectThrottled(answer: {
  status: number;
  headers: Record<string, string>;
  body: { code?: string };
}) {
  expect(answer.status).toBe(429);
  expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
  expect(Number(answer.headers['retry-after'])).toBeLessThanOrEqual(60);
  expect(answer.body.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
}

/**
 * Issue 12: "15 logins with 15 different emails, and 12 sign-ups, from one address all
 * went through (password spraying, mass organization creation)."
 */
describe('Login throttling is keyed on address + email', () => {
  let t: TestApp;
  const open = async (env: Record<string, string>) => {
    t = await startApp({ env: { AUTH_ADDRESS_RATE_LIMIT: '10', LOGIN_RATE_LIMIT: '5', ...env } });
    return t;
  };
  afterEach(async () => {
    await t.close();
  });

  it('stops 15 logins with 15 different emails from one address after the address limit', async () => {
    await open({ TRUST_PROXY: 'false' });
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) {
      const answer = await t
        .http()
        .post('/api/v1/auth/login')
        // Not trusted (TRUST_PROXY=false): the attacker cannot pick an address per try.
        .set('X-Forwarded-For', `203.0.113.${i + 1}`)
        .send({ email: email('spray'), password: 'Summer2026!' });
      statuses.push(answer.status);
      if (i === 14) expectThrottled(answer);
    }
    expect(statuses).toEqual([...Array(10).fill(401), ...Array(5).fill(429)]);
  });

  it('stops 12 sign-ups from one address, and a known email is 409 only until then', async () => {
    await open({});
    const known = email('known');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const answer = await t
        .http()
        .post('/api/v1/auth/signup')
        .send(signupBody(i % 2 === 0 ? email('mass') : known));
      statuses.push(answer.status);
      if (i === 11) expectThrottled(answer);
    }
    expect(statuses.slice(0, 10).filter((s) => s === 201)).toHaveLength(6);
    expect(statuses.slice(0, 10).filter((s) => s === 409)).toHaveLength(4);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('limits attempts on one email from many addresses, and counts login and sign-up together', async () => {
    await open({ AUTH_ADDRESS_RATE_LIMIT: '1000' });
    const admin = await signUp(t, { email: email('victim') });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const answer = await t
        .http()
        .post(i === 2 ? '/api/v1/auth/signup' : '/api/v1/auth/login')
        // The default TRUST_PROXY (loopback) believes the proxy on this host.
        .set('X-Forwarded-For', `198.51.100.${i + 1}`)
        .send(
          i === 2
            ? signupBody(admin.email)
            : { email: admin.email.toUpperCase(), password: `guess-${i}-password` },
        );
      statuses.push(answer.status);
      if (i === 5) expectThrottled(answer);
    }
    // The sign-up above counted once already: four more guesses, then 429.
    expect(statuses).toEqual([401, 401, 409, 401, 429, 429]);
    // Another account from the same addresses is not affected.
    await t
      .http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '198.51.100.1')
      .send({ email: email('other'), password: 'whatever-password' })
      .expect(401);
  });

  it('throttles accepting invitations per address too', async () => {
    await open({ AUTH_ADDRESS_RATE_LIMIT: '3', TRUST_PROXY: 'false' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await t
        .http()
        .post('/api/v1/auth/accept-invitation')
        .send({ token: randomBytes(32).toString('base64url'), password: 'a-long-password-1' });
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
  });

  it('throttles password reset requests per email, with the same answer until then', async () => {
    await open({ AUTH_ADDRESS_RATE_LIMIT: '1000' });
    const target = email('reset');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const answer = await t
        .http()
        .post('/api/v1/auth/password-reset')
        .set('X-Forwarded-For', `192.0.2.${i + 1}`)
        .send({ email: target });
      statuses.push(answer.status);
      if (i === 6) expectThrottled(answer);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429]);
  });

  it('throttles guessing the current password through change-password per account', async () => {
    await open({ AUTH_ADDRESS_RATE_LIMIT: '1000' });
    const victim = await signUp(t);
    const bystander = await signUp(t);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const answer = await t
        .http()
        .post('/api/v1/auth/change-password')
        .set(victim.auth)
        .set('X-Forwarded-For', `192.0.2.${i + 1}`)
        .send({ currentPassword: `guess-number-${i}`, newPassword: 'a-brand-new-passphrase' });
      statuses.push(answer.status);
      if (i === 6) expectThrottled(answer);
    }
    // LOGIN_RATE_LIMIT=5 per account, from whatever address the guesses come.
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
    // Another account is not held back by the first one's guesses.
    await t
      .http()
      .post('/api/v1/auth/change-password')
      .set(bystander.auth)
      .send({ currentPassword: 'not-it', newPassword: 'a-brand-new-passphrase' })
      .expect(400);
  });
});
