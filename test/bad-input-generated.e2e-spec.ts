import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApp, TestApp } from './support/app';
import { Account, signUp } from './support/accounts';
import { createFactory } from './factories';
import { addFactoryManager } from './factories/agreements';

/**
 * Generated from the route list (web/openapi.json, which `npm run api:check` keeps equal
 * to the running app): every operation with a JSON body gets, for each of its fields, a
 * null, a 1 MB string, a 20,000-level nested object and a lone UTF-16 surrogate. Each is a
 * 4xx naming the field, never a 500. Ids in paths are unknown, so nothing is written.
 */

interface Schema {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  properties?: Record<string, Schema>;
}
interface Operation {
  requestBody?: { content: Record<string, { schema: Schema }> };
}
const api = JSON.parse(readFileSync(join(__dirname, '..', 'web', 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

function resolveSchema(schema: Schema): Schema {
  return schema.$ref ? api.components.schemas[schema.$ref.split('/').pop()!] : schema;
}

/**
 * Fields whose column is nullable (their DTO type says `| null`): null clears them, so it
 * may be accepted there, and only a 500 is wrong. Every other field must refuse null
 * with a 400 naming it.
 */
const NULLABLE: Record<string, string[]> = {
  'PATCH /api/v1/organization': ['businessScope'],
  'POST /api/v1/factories': [
    'nameEn',
    'city',
    'address',
    'licenseNumber',
    'businessScope',
    'contactEmail',
  ],
  'PATCH /api/v1/factories/{id}': [
    'nameEn',
    'city',
    'address',
    'licenseNumber',
    'businessScope',
    'contactEmail',
  ],
  'POST /api/v1/certificates': ['accreditationBody'],
  'PATCH /api/v1/certificates/{id}': ['accreditationBody'],
  'POST /api/v1/certificates/{id}/renew': ['accreditationBody'],
  'POST /api/v1/buyers': ['contactEmail', 'notes'],
  'PATCH /api/v1/buyers/{id}': ['contactEmail', 'notes'],
  'POST /api/v1/agreements': ['notes', 'factoryId'],
  'PATCH /api/v1/agreements/{id}': ['notes', 'certificateId'],
  'PATCH /api/v1/milestones/{id}': ['completedOn'],
  'POST /api/v1/factories/{id}/audits': ['auditorOrganization', 'summary'],
  'PATCH /api/v1/audits/{id}': ['auditorOrganization', 'summary'],
  'POST /api/v1/audits/{id}/findings': ['clause', 'evidence', 'dueOn'],
  'PATCH /api/v1/findings/{id}': ['clause', 'evidence', 'dueOn'],
  'POST /api/v1/findings/{id}/close': ['note'],
  'POST /api/v1/findings/{id}/reopen': ['note'],
  'POST /api/v1/certificates/submissions': ['note'],
  'POST /api/v1/buyers/{id}/share-links': ['label'],
};

const operations = Object.entries(api.paths).flatMap(([path, methods]) =>
  Object.entries(methods)
    .filter(([, op]) => op.requestBody?.content['application/json'])
    .map(([method, op]) => ({
      method: method as 'post' | 'patch' | 'put',
      path,
      fields: Object.entries(
        resolveSchema(op.requestBody!.content['application/json'].schema).properties ?? {},
      ).map(([name, schema]) => ({ name, nullable: schema.nullable === true })),
    })),
);

const nested = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
const BAD_VALUES: { kind: string; json: string }[] = [
  { kind: 'null', json: 'null' },
  { kind: 'a 1 MB string', json: JSON.stringify('x'.repeat(1_000_000)) },
  { kind: 'a 20,000-level nested object', json: nested(20_000) },
  { kind: 'a lone surrogate', json: '"a\\ud800b@x.example"' },
];

describe('bad input, generated from the route list', () => {
  let t: TestApp;
  let admin: Account;
  let manager: Account;

  beforeAll(async () => {
    t = await startApp({ env: { LOGIN_RATE_LIMIT: '100000' } });
    admin = await signUp(t);
    const factory = await createFactory(t, admin);
    manager = await addFactoryManager(t, admin, factory.id);
  });
  afterAll(async () => {
    await t.close();
  });

  it('covers every operation with a JSON body', () => {
    expect(operations.length).toBeGreaterThan(25);
    expect(operations.every((op) => op.fields.length > 0)).toBe(true);
  });

  it.each(operations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))(
    '%s answers each bad field with a 4xx naming it',
    async (_, op) => {
      const path = op.path.replace(/\{[^}]+\}/g, () => randomUUID());
      const send = (auth: Account, body: string) =>
        t.http()[op.method](path).set(auth.auth).set('Content-Type', 'application/json').send(body);
      const wrong: string[] = [];
      for (const field of op.fields) {
        for (const bad of BAD_VALUES) {
          const body = `{${JSON.stringify(field.name)}:${bad.json}}`;
          let answer = await send(admin, body);
          if (answer.status === 403) answer = await send(manager, body);
          const named = ((answer.body?.details ?? []) as { field: string }[]).some(
            (d) => d.field === field.name || d.field.startsWith(`${field.name}.`),
          );
          const mayClear =
            bad.kind === 'null' &&
            (field.nullable ||
              (NULLABLE[`${op.method.toUpperCase()} ${op.path}`] ?? []).includes(field.name));
          const ok = answer.status >= 400 && answer.status < 500 && (named || mayClear);
          const fine = mayClear && answer.status < 500;
          if (!ok && !fine)
            wrong.push(
              `${field.name} = ${bad.kind}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`,
            );
        }
      }
      expect(wrong).toEqual([]);
    },
  );
});
