import { randomBytes } from 'node:crypto';
import { startApp, TestApp } from './support/app';
import { signUp } from './support/accounts';

/**
 * Issue 12: "No security headers (X-Content-Type-Options, X-Frame-Options/CSP
 * frame-ancestors, Referrer-Policy, HSTS behind TLS), X-Powered-By: Express is sent,
 * authenticated JSON has no Cache-Control: no-store, Swagger is public in production."
 */
describe('No security headers, X-Powered-By is sent, authenticated JSON is cacheable, Swagger is public in production', () => {
  describe('in any environment', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startApp();
    });
    afterAll(async () => {
      await t.close();
    });

    it('sends the security headers and no X-Powered-By, on answers with and without a token', async () => {
      const admin = await signUp(t);
      for (const answer of [
        await t.http().get('/api/v1/health'),
        await t.http().get('/api/v1/users').set(admin.auth).expect(200),
        await t.http().get('/api/v1/users').expect(401),
        await t.http().get('/api/v1/no-such-route'),
      ]) {
        expect(answer.headers['x-powered-by']).toBeUndefined();
        expect(answer.headers['x-content-type-options']).toBe('nosniff');
        expect(answer.headers['x-frame-options']).toBe('DENY');
        expect(answer.headers['referrer-policy']).toBe('no-referrer');
        expect(answer.headers['strict-transport-security']).toMatch(/max-age=\d+/);
        const csp = answer.headers['content-security-policy'] as string;
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).not.toContain('upgrade-insecure-requests');
      }
    });

    it('marks authenticated answers and answers holding a token Cache-Control: no-store', async () => {
      const admin = await signUp(t, {
        email: `no-store-${randomBytes(3).toString('hex')}@example.com`,
      });
      const listed = await t.http().get('/api/v1/users').set(admin.auth).expect(200);
      expect(listed.headers['cache-control']).toBe('no-store');
      const me = await t.http().get('/api/v1/auth/me').set(admin.auth).expect(200);
      expect(me.headers['cache-control']).toBe('no-store');
      const login = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: admin.email, password: 'a-long-password-1' })
        .expect(200);
      expect(login.headers['cache-control']).toBe('no-store');
    });

    it('serves the API documentation outside production', async () => {
      await t.http().get('/api/docs-json').expect(200);
      const page = await t.http().get('/api/docs/').expect(200);
      expect(page.text).toContain('swagger');
    });
  });

  describe('in production', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(48).toString('base64url'),
      CALENDAR_FEED_SECRET: randomBytes(48).toString('base64url'),
      LOG_LEVEL: 'error',
    };

    it('keeps Swagger off unless API_DOCS=true', async () => {
      const closed = await startApp({ env: production });
      try {
        await closed.http().get('/api/docs-json').expect(404);
        const page = await closed.http().get('/api/docs/');
        expect(page.status).toBe(404);
        expect(page.text).not.toContain('swagger-ui');
      } finally {
        await closed.close();
      }
      const open = await startApp({ env: { ...production, API_DOCS: 'true' } });
      try {
        await open.http().get('/api/docs-json').expect(200);
      } finally {
        await open.close();
      }
    });
  });
});
