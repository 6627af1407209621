import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { startApp, TestApp } from './support/app';
import { signUp } from './support/accounts';
import { createCertificate, createFactory } from './factories';
import { addFactoryManager, makeAgreement } from './factories/agreements';

const COMPOSE_PLACEHOLDER = 'change-me-to-a-long-random-secret-of-32-chars-or-more';

/** Starts the real entry point with NODE_ENV=production and the given secret. */
function startInProduction(
  secret: string | undefined,
  generated?: string,
  extra: Record<string, string> = {},
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'certpact-secret-'));
  if (generated) writeFileSync(join(dataDir, 'jwt-secret'), generated);
  try {
    const result = spawnSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'src/main.ts'],
      {
        cwd: resolve(__dirname, '..'),
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          NODE_ENV: 'production',
          DATA_DIR: dataDir,
          DATABASE_URL: `sqlite:${join(dataDir, 'secret-test.sqlite')}`,
          ...(secret === undefined ? {} : { JWT_SECRET: secret }),
          ...extra,
        },
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    return { status: result.status, stderr: result.stderr, stdout: result.stdout };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe("The compose file's default JWT_SECRET is accepted with NODE_ENV=production", () => {
  const generated = randomBytes(48).toString('base64url');
  it.each([
    ["the compose file's old placeholder", COMPOSE_PLACEHOLDER, undefined],
    ['no secret at all', undefined, undefined],
    ['a secret of less than 32 random bytes', randomBytes(16).toString('hex'), undefined],
    ['a long but repetitive secret', 'secret'.repeat(10), undefined],
    ['the development secret generated in DATA_DIR', generated, generated],
  ])(
    'refuses to start with %s, in one line naming JWT_SECRET and not the secret',
    (_, secret, file) => {
      const { status, stderr, stdout } = startInProduction(secret, file);
      expect(status).not.toBe(0);
      expect(status).not.toBeNull();
      const lines = stderr.trim().split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('JWT_SECRET');
      if (secret) expect(stderr + stdout).not.toContain(secret);
      expect(stdout).toBe('');
    },
  );
});

describe('The calendar feeds are signed with the JWT secret', () => {
  const jwtSecret = randomBytes(48).toString('base64url');
  it.each([
    ['no feed secret', {}],
    ['a placeholder feed secret', { CALENDAR_FEED_SECRET: COMPOSE_PLACEHOLDER }],
    ['a weak feed secret', { CALENDAR_FEED_SECRET: 'calendar'.repeat(8) }],
  ])(
    'refuses to start in production with %s, in one line naming CALENDAR_FEED_SECRET',
    (_, extra) => {
      const { status, stderr, stdout } = startInProduction(jwtSecret, undefined, extra);
      expect(status).not.toBe(0);
      expect(status).not.toBeNull();
      const lines = stderr.trim().split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('CALENDAR_FEED_SECRET');
      expect(stderr + stdout).not.toContain(jwtSecret);
      expect(stdout).toBe('');
    },
  );
});

describe('A token without an org claim is accepted', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 401 to a correctly signed token that lacks a claim the guard relies on', async () => {
    const admin = await signUp(t);
    const jwt = t.app.get(JwtService);
    await t.http().get('/api/v1/users').set(admin.auth).expect(200);
    for (const payload of [
      { sub: admin.userId },
      { sub: admin.userId, org: admin.organizationId },
      { sub: admin.userId, org: admin.organizationId, ver: '0' },
      { sub: admin.userId, org: '' },
      { sub: admin.userId, org: 42 },
      { org: admin.organizationId },
      { sub: ['x'], org: admin.organizationId },
    ]) {
      const token = await jwt.signAsync(payload);
      const answer = await t
        .http()
        .get('/api/v1/users')
        .set({ Authorization: `Bearer ${token}` })
        .expect(401);
      expect(answer.body.code).toBe('AUTH.UNAUTHENTICATED');
    }
  });

  it('refuses a token signed with the old compose placeholder', async () => {
    const admin = await signUp(t);
    const forged = new JwtService({ secret: COMPOSE_PLACEHOLDER });
    const token = await forged.signAsync({ sub: admin.userId, org: admin.organizationId });
    await t
      .http()
      .get('/api/v1/audit-events')
      .set({ Authorization: `Bearer ${token}` })
      .expect(401);
  });
});

describe("A factory manager sees another factory's agreement", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ env: { LOGIN_RATE_LIMIT: '1000' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it("shows a manager only their own factory's agreements in backedBy, on the certificate and in the list", async () => {
    const admin = await signUp(t);
    const own = await createFactory(t, admin);
    const other = await createFactory(t, admin);
    const certificate = await createCertificate(t, admin, { factoryId: own.id });
    const agreementFor = async (factoryId: string) => {
      const created = await t
        .http()
        .post('/api/v1/agreements')
        .set(admin.auth)
        .send(makeAgreement({ factoryId }))
        .expect(201);
      const id = created.body.id as string;
      for (const status of ['negotiating', 'signed', 'in_progress']) {
        await t
          .http()
          .patch(`/api/v1/agreements/${id}`)
          .set(admin.auth)
          .send({ status })
          .expect(200);
      }
      await t
        .http()
        .patch(`/api/v1/agreements/${id}`)
        .set(admin.auth)
        .send({ status: 'certified', certificateId: certificate.id })
        .expect(200);
      return created.body.id as string;
    };
    const ownAgreement = await agreementFor(own.id);
    const otherAgreement = await agreementFor(other.id);
    const manager = await addFactoryManager(t, admin, own.id);

    const backing = (body: { backedBy: { agreementId: string }[] }) =>
      body.backedBy.map((b) => b.agreementId).sort();

    const staffView = await t
      .http()
      .get(`/api/v1/certificates/${certificate.id}`)
      .set(admin.auth)
      .expect(200);
    expect(backing(staffView.body)).toEqual([ownAgreement, otherAgreement].sort());

    const detail = await t
      .http()
      .get(`/api/v1/certificates/${certificate.id}`)
      .set(manager.auth)
      .expect(200);
    expect(backing(detail.body)).toEqual([ownAgreement]);
    const list = await t.http().get('/api/v1/certificates').set(manager.auth).expect(200);
    const listed = list.body.items.find((c: { id: string }) => c.id === certificate.id);
    expect(backing(listed)).toEqual([ownAgreement]);
    expect(JSON.stringify(list.body)).not.toContain(otherAgreement);
  });
});
