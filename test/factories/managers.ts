import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestApp } from '../support/app';
import type { Account } from '../support/accounts';
import { createCertificate as createCertificateFrom, createFactory } from './index';
import type { Body, Overrides } from './bodies';

/** A small well-formed PDF; `marker` makes its SHA-256 unique unless a test wants a duplicate. */
export function makePdf(marker = randomBytes(8).toString('hex')): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n% ${marker}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

export function makePng(): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    randomBytes(32),
  ]);
}

export { createFactory };

/** A certificate held by `factoryId` (null: the trader's own). */
export async function createCertificate(
  t: TestApp,
  admin: Account,
  factoryId: string | null,
  overrides: Overrides<Body<'CreateCertificateDto'>> = {},
) {
  return createCertificateFrom(t, admin, { factoryId, ...overrides });
}

export interface ManagerAccount extends Account {
  factoryId: string;
}

/** Invites a manager for the factory through the API, accepts, and returns their login. */
export async function inviteManager(
  t: TestApp,
  admin: Account,
  factoryId: string,
  overrides: Overrides<Body<'InviteFactoryManagerDto'>> = {},
): Promise<ManagerAccount> {
  const email = `manager-${randomBytes(4).toString('hex')}@factory.example`;
  const invited = await t
    .http()
    .post(`/api/v1/factories/${factoryId}/invitations`)
    .set(admin.auth)
    .send({ email, name: 'Chen Jie', locale: 'en', ...overrides })
    .expect(201);
  const accepted = await t
    .http()
    .post('/api/v1/auth/accept-invitation')
    .send({ token: invited.body.token, password: 'factory-long-password' })
    .expect(200);
  const token = (accepted.body as { accessToken: string }).accessToken;
  return {
    token,
    userId: accepted.body.user.id,
    organizationId: admin.organizationId,
    email: (overrides.email as string | undefined) ?? email,
    factoryId,
    auth: { Authorization: `Bearer ${token}` },
  };
}

/** The .eml files written to the outbox (mail without SMTP_URL), as text. */
export function outboxMessages(t: TestApp): string[] {
  const dir = join(t.database.dataDir, 'outbox');
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
  } catch {
    return [];
  }
  return files.sort().map((f) => decodeQuotedPrintable(readFileSync(join(dir, f), 'utf8')));
}

/** Nodemailer wraps long lines as quoted-printable; undo it so tests can look for phrases. */
function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

export function messagesTo(t: TestApp, email: string): string[] {
  return outboxMessages(t).filter((m) =>
    new RegExp(`^To: .*${email.replace(/[.+]/g, '\\$&')}`, 'mi').test(m),
  );
}
