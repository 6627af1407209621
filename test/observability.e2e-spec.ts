import { randomBytes } from 'node:crypto';
import { createCertificate, createFactory } from './factories';
import { signUp } from './support/accounts';
import { startApp, TestApp } from './support/app';
import { freePort, startProcess } from './support/processes';
import { TestSmtpServer } from './support/smtp';
import { createTestDatabase } from './support/test-database';

jest.setTimeout(300_000);

/** The value of one series in Prometheus' text format, or undefined. */
function sample(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const [series, value] = line.split(' ');
    if (series !== name && !series.startsWith(`${name}{`)) continue;
    if (wanted.every((label) => series.includes(label))) return Number(value);
  }
  return undefined;
}

describe('observability: metrics and request ids', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    t = await startApp({ env: { SMTP_URL: smtp.url } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('answers every request with an X-Request-Id, keeping a sane one the proxy sent', async () => {
    const made = await t.http().get('/api/v1/health');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await t.http().get('/api/v1/health').set('X-Request-Id', 'proxy-abc.123');
    expect(kept.headers['x-request-id']).toBe('proxy-abc.123');
    const replaced = await t.http().get('/api/v1/health').set('X-Request-Id', 'bad id\twith tab');
    expect(replaced.headers['x-request-id']).not.toBe('bad id\twith tab');
  });

  it('compresses large answers for clients that accept it', async () => {
    const compressed = await t
      .http()
      .get('/api/docs-json')
      .set('Accept-Encoding', 'gzip')
      .expect(200);
    expect(compressed.headers['content-encoding']).toBe('gzip');
    const plain = await t
      .http()
      .get('/api/docs-json')
      .set('Accept-Encoding', 'identity')
      .expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('times answers by route pattern and counts the digests the reminder engine sent', async () => {
    const admin = await signUp(t);
    const factory = await createFactory(t, admin, {
      contactEmail: `qa-${randomBytes(3).toString('hex')}@factory.example`,
    });
    t.clock.set('2027-01-31T01:00:00Z');
    const certificate = await createCertificate(t, admin, {
      factoryId: factory.id,
      expiresOn: '2027-03-02',
      nextSurveillanceAuditOn: null,
    });
    await t.http().get(`/api/v1/certificates/${certificate.id}`).set(admin.auth).expect(200);
    await t
      .http()
      .get('/api/v1/certificates/00000000-0000-4000-8000-000000000000')
      .set(admin.auth)
      .expect(404);
    const before = await t.http().get('/metrics').expect(200);
    const sentBefore = sample(before.text, 'certpact_digests_sent_total') ?? 0;

    await t.http().post('/api/v1/reminders/scan').set(admin.auth).expect(200);
    const after = await t.http().get('/metrics').expect(200);
    t.clock.reset();

    expect(after.headers['content-type']).toContain('text/plain');
    expect(
      sample(after.text, 'certpact_http_request_duration_seconds_count', {
        route: '/api/v1/certificates/:id',
        status: '200',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(after.text, 'certpact_http_request_duration_seconds_count', {
        route: '/api/v1/certificates/:id',
        status: '404',
      }),
    ).toBeGreaterThanOrEqual(1);
    // Raw paths never become series: one id per series would grow without bound.
    expect(after.text).not.toContain(certificate.id);
    expect(sample(after.text, 'certpact_digests_sent_total')).toBe(sentBefore + 2);
    expect(
      sample(after.text, 'certpact_reminders_created_total', { kind: 'certificate_expiring' }),
    ).toBeGreaterThanOrEqual(2);
    expect(
      sample(after.text, 'certpact_scan_duration_seconds_count', {
        organization: admin.organizationId,
      }),
    ).toBe(1);
    expect(
      sample(after.text, 'certpact_queue_jobs', { queue: 'reminder-digests', state: 'failed' }),
    ).toBe(0);
    expect(after.text).toContain('certpact_process_resident_memory_bytes');
  });
});

describe('observability in production', () => {
  it('hides /metrics without its token, serves it with the token, and logs JSON lines with the request id', async () => {
    const database = await createTestDatabase();
    const port = await freePort();
    const token = randomBytes(24).toString('hex');
    const service = await startProcess(
      'src/main.ts',
      {
        NODE_ENV: 'production',
        DATABASE_URL: database.url,
        DATA_DIR: database.dataDir,
        PORT: String(port),
        PUBLIC_URL: `http://localhost:${port}`,
        RUN_WORKER: 'false',
        JWT_SECRET: randomBytes(48).toString('base64url'),
        CALENDAR_FEED_SECRET: randomBytes(48).toString('base64url'),
        METRICS_TOKEN: token,
        QUEUE_PREFIX: `certpact-test-obs-${randomBytes(4).toString('hex')}`,
      },
      'API on http://',
    );
    try {
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/metrics`)).status).toBe(404);
      expect(
        (
          await fetch(`${base}/metrics`, {
            headers: { authorization: 'Bearer wrong-token-of-some-length' },
          })
        ).status,
      ).toBe(404);
      const scraped = await fetch(`${base}/metrics`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toContain('certpact_http_request_duration_seconds');

      const answered = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'trace-me-42' },
        body: JSON.stringify({ email: 'nobody@example.com', password: 'not-the-password-1' }),
      });
      expect(answered.status).toBe(401);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const lines = service
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map(
          (line) =>
            JSON.parse(line) as {
              msg?: string;
              req?: { id?: string; url?: string };
              res?: { statusCode?: number };
            },
        );
      expect(lines.length).toBeGreaterThan(0);
      const access = lines.find((line) => line.req?.id === 'trace-me-42');
      expect(access?.res?.statusCode).toBe(401);
      expect(access?.req?.url).toBe('/api/v1/auth/login');
      // Nest's own start-up lines are JSON too.
      expect(lines.some((line) => String(line.msg).includes('API on'))).toBe(true);
    } finally {
      await service.kill('SIGKILL');
      await database.drop();
    }
  });
});
