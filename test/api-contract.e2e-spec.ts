import { startApp, TestApp } from './support/app';
import { signUp, Account } from './support/accounts';
import { makeCertificate, makeFactory } from './factories';
import { makeAgreement } from './factories/agreements';
import { makeBuyer, makeRequirement } from './factories/buyers';

/**
 * The OpenAPI document is the web app's only description of the API (its client is
 * generated from it), so every operation must say what it answers. This reads the running
 * app's document: a new route without a summary, a tag or a typed success answer fails
 * here, whichever feature it is in.
 */

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  additionalProperties?: boolean | Schema;
}
interface MediaContent {
  schema?: Schema;
}
interface Response {
  description?: string;
  content?: Record<string, MediaContent>;
}
interface Operation {
  operationId: string;
  summary?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  responses: Record<string, Response>;
}
interface Document {
  tags?: { name: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function operationsOf(document: Document): { method: string; path: string; op: Operation }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
}

function resolve(document: Document, schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const found = document.components.schemas[name];
  if (!found) throw new Error(`${schema.$ref} does not resolve`);
  return resolve(document, found);
}

/** The properties of an object schema, its allOf parts included (class inheritance). */
function propertiesOf(document: Document, schema: Schema): { props: Record<string, Schema>; required: string[] } {
  const own = resolve(document, schema);
  const parts = (own.allOf ?? []).map((part) => propertiesOf(document, part));
  return {
    props: Object.assign({}, ...parts.map((p) => p.props), own.properties ?? {}),
    required: [...parts.flatMap((p) => p.required), ...(own.required ?? [])],
  };
}

/**
 * Where a real answer departs from its schema: undeclared fields, missing required ones,
 * wrong JSON types. A small checker on purpose: it reads exactly what the generated client
 * relies on.
 */
function mismatches(document: Document, schema: Schema, value: unknown, at: string): string[] {
  const s = resolve(document, schema);
  if (value === null) return s.nullable ? [] : [`${at}: null but not nullable`];
  if (s.allOf || s.properties || (s.type === 'object' && !s.additionalProperties)) {
    if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: not an object`];
    const { props, required } = propertiesOf(document, s);
    const record = value as Record<string, unknown>;
    return [
      ...required.filter((key) => !(key in record)).map((key) => `${at}.${key}: required, missing`),
      ...Object.entries(record).flatMap(([key, v]) =>
        props[key] ? mismatches(document, props[key], v, `${at}.${key}`) : [`${at}.${key}: not in the schema`],
      ),
    ];
  }
  if (s.type === 'array') {
    if (!Array.isArray(value)) return [`${at}: not an array`];
    return value.flatMap((v, i) => mismatches(document, s.items ?? {}, v, `${at}[${i}]`));
  }
  if (s.type === 'object') return typeof value === 'object' ? [] : [`${at}: not an object`];
  if (s.type === 'integer' || s.type === 'number') return typeof value === 'number' ? [] : [`${at}: not a number`];
  if (s.type === 'string') {
    if (typeof value !== 'string') return [`${at}: not a string`];
    return s.enum && !s.enum.includes(value) ? [`${at}: ${value} not in the enum`] : [];
  }
  if (s.type === 'boolean') return typeof value === 'boolean' ? [] : [`${at}: not a boolean`];
  return [];
}

describe('the API contract (OpenAPI document of the running app)', () => {
  let t: TestApp;
  let document: Document;
  let admin: Account;

  beforeAll(async () => {
    t = await startApp();
    document = (await t.http().get('/api/docs-json').expect(200)).body as Document;
    admin = await signUp(t);
  });
  afterAll(async () => {
    await t.close();
  });

  /** The schema of an operation's JSON success answer. */
  function successSchema(method: string, path: string): Schema {
    const op = document.paths[path]?.[method.toLowerCase()];
    if (!op) throw new Error(`${method} ${path} is not in the document`);
    const [, response] = Object.entries(op.responses).find(([status]) => status.startsWith('2'))!;
    return response.content!['application/json'].schema!;
  }

  it('gives every operation a summary, a declared tag and a typed success answer', () => {
    const declared = new Set((document.tags ?? []).map((tag) => tag.name));
    const problems = operationsOf(document).flatMap(({ method, path, op }) => {
      const name = `${method} ${path} (${op.operationId})`;
      const found: string[] = [];
      if (!op.summary?.trim()) found.push(`${name}: no summary`);
      if (!op.tags?.length) found.push(`${name}: no tag`);
      for (const tag of op.tags ?? []) if (!declared.has(tag)) found.push(`${name}: tag "${tag}" is not declared in the DocumentBuilder`);
      const success = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
      if (success.length === 0) found.push(`${name}: no 2xx response`);
      for (const [status, response] of success) {
        if (status === '204') continue;
        const schemas = Object.values(response.content ?? {}).map((c) => c.schema);
        if (schemas.length === 0 || schemas.some((s) => !s || Object.keys(s).length === 0)) {
          found.push(`${name}: ${status} has no schema`);
        }
      }
      return found;
    });
    expect(problems).toEqual([]);
    expect(operationsOf(document).length).toBeGreaterThan(80);
  });

  it('declares the errors each operation can answer, all in the one error shape', () => {
    const problems = operationsOf(document).flatMap(({ method, path, op }) => {
      const name = `${method} ${path}`;
      const statuses = Object.keys(op.responses);
      const found: string[] = [];
      if (op.security?.length && !statuses.includes('401')) found.push(`${name}: behind the token but no 401`);
      if (op.requestBody && !statuses.includes('400')) found.push(`${name}: takes a body but no 400`);
      if ((op.parameters ?? []).some((p) => p.in === 'path') && !statuses.includes('404')) {
        found.push(`${name}: takes an id but no 404`);
      }
      for (const [status, response] of Object.entries(op.responses)) {
        if (!/^[45]\d\d$/.test(status) || path === '/api/v1/health') continue;
        const ref = response.content?.['application/json']?.schema?.$ref;
        if (ref !== '#/components/schemas/ErrorResponse') found.push(`${name}: ${status} is not an ErrorResponse`);
      }
      return found;
    });
    expect(problems).toEqual([]);
  });

  it('lists auth first, and declares every schema it refers to with its fields', () => {
    expect(document.tags?.[0]?.name).toBe('auth');
    const text = JSON.stringify(document);
    const refs = new Set([...text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]));
    const missing = [...refs].filter((name) => !document.components.schemas[name]);
    expect(missing).toEqual([]);
    // A response class whose fields lost their @ApiProperty is an empty object in the document.
    const empty = Object.entries(document.components.schemas)
      .filter(([name]) => /Response$|Page$/.test(name))
      .filter(([, s]) => !s.properties && !s.allOf && !s.additionalProperties)
      .map(([name]) => name);
    expect(empty).toEqual([]);
  });

  it('describes the error body exactly as the exception filter answers it', async () => {
    const missing = await t
      .http()
      .get('/api/v1/certificates/00000000-0000-4000-8000-000000000000')
      .set(admin.auth)
      .expect(404);
    expect(mismatches(document, { $ref: '#/components/schemas/ErrorResponse' }, missing.body, 'body')).toEqual([]);
    expect(missing.body).toMatchObject({ statusCode: 404, code: 'CERTIFICATE.NOT_FOUND' });

    const invalid = await t.http().post('/api/v1/factories').set(admin.auth).send({ name: '' }).expect(400);
    expect(mismatches(document, { $ref: '#/components/schemas/ErrorResponse' }, invalid.body, 'body')).toEqual([]);
    expect((invalid.body as { details: unknown[] }).details.length).toBeGreaterThan(0);
  });

  it('answers what the document says, field for field, on the main routes', async () => {
    const checks: [string, string, unknown][] = [];
    const factory = await t.http().post('/api/v1/factories').set(admin.auth).send(makeFactory()).expect(201);
    checks.push(['POST', '/api/v1/factories', factory.body]);
    const factoryId = (factory.body as { id: string }).id;
    const certificate = await t
      .http()
      .post('/api/v1/certificates')
      .set(admin.auth)
      .send(makeCertificate({ factoryId }))
      .expect(201);
    checks.push(['POST', '/api/v1/certificates', certificate.body]);
    const agreement = await t
      .http()
      .post('/api/v1/agreements')
      .set(admin.auth)
      .send(makeAgreement({ factoryId }))
      .expect(201);
    checks.push(['POST', '/api/v1/agreements', agreement.body]);
    const buyer = await t.http().post('/api/v1/buyers').set(admin.auth).send(makeBuyer()).expect(201);
    const buyerId = (buyer.body as { id: string }).id;
    await t.http().post(`/api/v1/buyers/${buyerId}/requirements`).set(admin.auth).send(makeRequirement()).expect(201);

    for (const path of [
      '/api/v1/auth/me',
      '/api/v1/organization',
      '/api/v1/users',
      '/api/v1/factories',
      '/api/v1/certificates',
      '/api/v1/agreements',
      '/api/v1/plan-templates',
      '/api/v1/buyers',
      '/api/v1/gaps',
      '/api/v1/reminders',
      '/api/v1/settings/reminders',
      '/api/v1/submissions',
      '/api/v1/audit-events',
      '/api/v1/signals',
    ]) {
      const response = await t.http().get(path).set(admin.auth).expect(200);
      checks.push(['GET', path, response.body]);
    }
    const coverage = await t.http().get(`/api/v1/buyers/${buyerId}/coverage`).set(admin.auth).expect(200);
    checks.push(['GET', '/api/v1/buyers/{id}/coverage', coverage.body]);

    const problems = checks.flatMap(([method, path, body]) =>
      mismatches(document, successSchema(method, path), body, `${method} ${path}`),
    );
    expect(problems).toEqual([]);
  });
});
