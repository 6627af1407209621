import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { startApp, TestApp } from './support/app';
import { signUp } from './support/accounts';
import { makeAgreement } from './factories/agreements';
import { createCertificate, createFactory, inviteManager, makePdf, ManagerAccount } from './factories/managers';

/**
 * The factory manager's view of EVERY route of the application, driven from the routes
 * Express actually has registered: a route added later by any feature is checked
 * without anyone remembering to write a test for it.
 *
 * - A route in MANAGER_ROUTES must answer the manager for their own factory's records,
 *   and 404 for another factory's or another organization's (and never show their ids).
 * - A route in PUBLIC_ROUTES must not need a token at all.
 * - Every other route must refuse a factory manager with 403. A new route that managers
 *   should use fails here until it is added to MANAGER_ROUTES with how to call it.
 */

type IdKind = 'factory' | 'certificate' | 'submission' | 'document' | 'agreement' | 'milestone';
type Ids = Record<IdKind, string>;

interface ManagerRoute {
  /** What each path parameter names. */
  params?: Record<string, IdKind>;
  /** A JSON body built from the ids of the records being reached for. */
  body?: (ids: Ids) => Record<string, unknown>;
  /** Sends a PDF as the multipart field `file`. */
  upload?: boolean;
  /** The answer for the manager's own factory's records. */
  ownStatus: number;
}

const MANAGER_ROUTES: Record<string, ManagerRoute> = {
  'GET /api/v1/auth/me': { ownStatus: 200 },
  'GET /api/v1/standards': { ownStatus: 200 },
  'GET /api/v1/factories': { ownStatus: 200 },
  'GET /api/v1/factories/:id': { params: { id: 'factory' }, ownStatus: 200 },
  'GET /api/v1/certificates': { ownStatus: 200 },
  'GET /api/v1/certificates/:id': { params: { id: 'certificate' }, ownStatus: 200 },
  'GET /api/v1/certificates/:id/documents': { params: { id: 'certificate' }, ownStatus: 200 },
  'POST /api/v1/certificates/:id/documents': {
    params: { id: 'certificate' },
    upload: true,
    ownStatus: 201,
  },
  'GET /api/v1/documents/:id': { params: { id: 'document' }, ownStatus: 200 },
  'GET /api/v1/certificates/:id/verifications': { params: { id: 'certificate' }, ownStatus: 200 },
  'POST /api/v1/certificates/submissions': {
    body: (ids) => ({
      kind: 'surveillance_audit',
      certificateId: ids.certificate,
      nextSurveillanceAuditOn: '2026-10-01',
    }),
    ownStatus: 201,
  },
  'GET /api/v1/submissions': { ownStatus: 200 },
  'GET /api/v1/submissions/:id': { params: { id: 'submission' }, ownStatus: 200 },
  'GET /api/v1/submissions/:id/documents': { params: { id: 'submission' }, ownStatus: 200 },
  'GET /api/v1/agreements': { ownStatus: 200 },
  'GET /api/v1/agreements/:id': { params: { id: 'agreement' }, ownStatus: 200 },
  'PATCH /api/v1/milestones/:id': {
    params: { id: 'milestone' },
    body: () => ({ status: 'done' }),
    ownStatus: 200,
  },
  // Their own feed (the feed's content is isolated in test/calendar.e2e-spec.ts).
  'GET /api/v1/me/calendar-feed': { ownStatus: 200 },
  'POST /api/v1/me/calendar-feed': { ownStatus: 201 },
  'POST /api/v1/submissions/:id/documents': {
    params: { id: 'submission' },
    upload: true,
    ownStatus: 201,
  },
};

/** Routes that take no token (checked: they answer without one). */
const PUBLIC_ROUTES = new Set([
  'POST /api/v1/auth/signup',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/accept-invitation',
  'POST /api/v1/auth/password-reset',
  'POST /api/v1/auth/password-reset/confirm',
  'GET /api/v1/health',
  // A buyer's share link: no login by design; unknown tokens answer 404 (test/evidence-pack.e2e-spec.ts).
  'GET /api/v1/shared/:token',
  'GET /api/v1/shared/:token/evidence-pack',
  // The digest's one-click acknowledgement link: a signed token instead of a login (test/reminder-acknowledge.e2e-spec.ts).
  'POST /api/v1/reminders/acknowledge-link',
  // A factory contact's one-click unsubscribe (RFC 8058): a signed token instead of a login (test/contact-unsubscribe.e2e-spec.ts).
  'POST /api/v1/contacts/unsubscribe',
  'GET /api/v1/contacts/unsubscribe',
  // A calendar feed: the secret in the URL is the credential; unknown or renewed ones answer 404 (test/calendar.e2e-spec.ts).
  'GET /api/v1/calendar-feeds/:token',
]);
/**
 * Manager routes whose isolation is proven in their own feature's spec, with the records
 * only that spec creates (supplier audits and findings: test/audits.e2e-spec.ts "a factory
 * manager never sees another factory's audits"). To move into MANAGER_ROUTES with their ids.
 */
const COVERED_ELSEWHERE = new Set([
  'GET /api/v1/audit-checklists',
  'GET /api/v1/factories/:id/audits',
  'GET /api/v1/factories/:id/standing',
  'GET /api/v1/audits/:id',
  'GET /api/v1/audits/:id/findings',
  'GET /api/v1/findings',
  'GET /api/v1/findings/:id',
  'POST /api/v1/findings/:id/corrective-action',
  'POST /api/v1/findings/:id/evidence',
  // Only a recipient of the notice may acknowledge it; another factory's manager gets 404
  // (test/reminder-acknowledge.e2e-spec.ts "lets only those who received the notice").
  'POST /api/v1/reminders/:id/acknowledge',
  // Only ever the caller's own password, no id to reach for; changing it would end the
  // session this walk uses (test/account-lifecycle.e2e-spec.ts changes a manager's too).
  'POST /api/v1/auth/change-password',
  // Reads the agreement through the same scope as GET /agreements/:id (test/exports.e2e-spec.ts).
  'GET /api/v1/agreements/:id/milestones',
]);
/** The OpenAPI document and Swagger UI, served outside the API prefix. */
const isDocsRoute = (path: string) => path === '/api/docs' || path.startsWith('/api/docs/') || /^\/api\/docs-(json|yaml)$/.test(path);

interface RegisteredRoute {
  method: string;
  path: string;
}

interface ExpressLayer {
  route?: { path: unknown; methods: Record<string, boolean> };
}

/** Express 5 keeps its router at `app.router` (Express 4 at `app._router`). */
function registeredRoutes(t: TestApp): RegisteredRoute[] {
  const express = t.app.getHttpAdapter().getInstance() as {
    router?: { stack: ExpressLayer[] };
    _router?: { stack: ExpressLayer[] };
  };
  const stack = (express.router ?? express._router)?.stack ?? [];
  const routes: RegisteredRoute[] = [];
  for (const layer of stack) {
    if (!layer.route) continue;
    if (typeof layer.route.path !== 'string') throw new Error(`Route path ${String(layer.route.path)} is not a string`);
    for (const method of Object.keys(layer.route.methods)) {
      routes.push({ method: method === '_all' ? 'GET' : method.toUpperCase(), path: layer.route.path });
    }
  }
  return routes;
}

function fill(path: string, params: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for :${name} in ${path}`);
    return encodeURIComponent(value);
  });
}

/** For forbidden routes the ids do not matter (the guard answers first); own ids where the resource is known. */
function anyIds(path: string, own: Ids): Record<string, string> {
  const params: Record<string, string> = {};
  const segments = path.split('/');
  segments.forEach((segment, i) => {
    if (!segment.startsWith(':')) return;
    const resource = segments[i - 1] ?? '';
    const kind = (
      {
        factories: 'factory',
        certificates: 'certificate',
        submissions: 'submission',
        documents: 'document',
        agreements: 'agreement',
        milestones: 'milestone',
      } as Record<string, IdKind>
    )[resource];
    params[segment.slice(1)] = kind ? own[kind] : randomUUID();
  });
  return params;
}

describe('factory manager isolation, for every registered route', () => {
  let t: TestApp;
  let manager: ManagerAccount;
  let own: Ids;
  /** Records of another factory of the same organization, and of another organization. */
  let foreign: { label: string; ids: Ids }[];

  beforeAll(async () => {
    t = await startApp({ env: { LOGIN_RATE_LIMIT: '1000' } });
    const admin = await signUp(t);
    const records = async (account: typeof admin, auth = account.auth): Promise<Ids> => {
      const factory = await createFactory(t, account);
      const certificate = await createCertificate(t, account, factory.id);
      const submission = await t
        .http()
        .post('/api/v1/certificates/submissions')
        .set(auth)
        .send({ kind: 'status_change', certificateId: certificate.id, status: 'suspended' })
        .expect(201);
      const document = await t
        .http()
        .post(`/api/v1/certificates/${certificate.id}/documents`)
        .set(auth)
        .attach('file', makePdf(), { filename: 'certificate.pdf' })
        .expect(201);
      const agreement = await t
        .http()
        .post('/api/v1/agreements')
        .set(account.auth)
        .send(makeAgreement({ factoryId: factory.id }))
        .expect(201);
      return {
        factory: factory.id,
        certificate: certificate.id,
        submission: submission.body.id,
        document: document.body.id,
        agreement: agreement.body.id,
        milestone: agreement.body.milestones[0].id,
      };
    };
    own = await records(admin);
    manager = await inviteManager(t, admin, own.factory);
    const otherFactory = await records(admin);
    const otherOrganization = await records(await signUp(t));
    foreign = [
      { label: 'another factory', ids: otherFactory },
      { label: 'another organization', ids: otherOrganization },
    ];
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  function call(route: RegisteredRoute, params: Record<string, string>, spec?: ManagerRoute, ids?: Ids) {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
    let request = t.http()[method](fill(route.path, params)).set(manager.auth);
    if (spec?.upload) request = request.attach('file', makePdf(), { filename: 'certificate.pdf' });
    else if (spec?.body && ids) request = request.send(spec.body(ids));
    else if (method !== 'get' && method !== 'delete') request = request.send({});
    return request;
  }

  function leakedIds(response: Response): string[] {
    const text = JSON.stringify(response.body ?? {});
    return foreign.flatMap((f) => Object.values(f.ids)).filter((id) => text.includes(id));
  }

  it('finds the routes in the Express router', () => {
    const routes = registeredRoutes(t);
    expect(routes.length).toBeGreaterThan(20);
    const keys = new Set(routes.map((r) => `${r.method} ${r.path}`));
    // The table must not name routes that no longer exist.
    expect(Object.keys(MANAGER_ROUTES).filter((key) => !keys.has(key))).toEqual([]);
    expect([...PUBLIC_ROUTES].filter((key) => !keys.has(key))).toEqual([]);
  });

  it('answers a factory manager as the tables say, on every route', async () => {
    const problems: string[] = [];
    const seen: string[] = [];
    for (const route of registeredRoutes(t)) {
      const key = `${route.method} ${route.path}`;
      seen.push(key);
      // The catch-all that answers unknown API paths with a JSON 404 (never the web app) is no
      // feature's route; /metrics is the operator's (its token is tested in observability).
      if (isDocsRoute(route.path) || ['/api/v1', '/api/v1/{*path}', '/metrics', '/metrics/'].includes(route.path)) continue;
      if (COVERED_ELSEWHERE.has(key)) continue;
      try {
        await checkRoute(route, key);
      } catch (error) {
        problems.push(`${key}: ${String(error)}`);
      }
    }
    expect(problems).toEqual([]);
    // Every manager route was exercised (the loop did not skip them).
    expect(Object.keys(MANAGER_ROUTES).every((key) => seen.includes(key))).toBe(true);

    async function checkRoute(route: RegisteredRoute, key: string): Promise<void> {

      if (PUBLIC_ROUTES.has(key)) {
        const method = route.method.toLowerCase() as 'get' | 'post';
        const response = await t.http()[method](route.path).send({});
        if (response.status === 401 || response.status === 403) problems.push(`${key}: listed as public but answered ${response.status} without a token`);
        return;
      }

      const spec = MANAGER_ROUTES[key];
      if (!spec) {
        const response = await call(route, anyIds(route.path, own));
        if (response.status !== 403) {
          problems.push(`${key}: expected 403 for a factory manager (not in MANAGER_ROUTES), got ${response.status}`);
        }
        return;
      }

      const params = (ids: Ids) => Object.fromEntries(Object.entries(spec.params ?? {}).map(([name, kind]) => [name, ids[kind]]));
      const mine = await call(route, params(own), spec, own);
      if (mine.status !== spec.ownStatus) problems.push(`${key}: expected ${spec.ownStatus} for the manager's own factory, got ${mine.status} ${JSON.stringify(mine.body)}`);
      if (leakedIds(mine).length) problems.push(`${key}: shows ids of other factories: ${leakedIds(mine).join(', ')}`);

      for (const other of foreign) {
        if (!spec.params && !spec.body) continue; // a list: checked by leakedIds above
        const theirs = await call(route, params(other.ids), spec, other.ids);
        if (theirs.status !== 404) problems.push(`${key}: expected 404 for ${other.label}'s record, got ${theirs.status}`);
        if (leakedIds(theirs).length) problems.push(`${key}: shows ids of ${other.label}: ${leakedIds(theirs).join(', ')}`);
      }
    }
  }, 60_000);

  it('shows the manager only their own factory in lists', async () => {
    const factories = await t.http().get('/api/v1/factories').set(manager.auth).expect(200);
    expect(factories.body.items.map((f: { id: string }) => f.id)).toEqual([own.factory]);
    const certificates = await t.http().get('/api/v1/certificates').set(manager.auth).expect(200);
    expect(certificates.body.items.every((c: { factoryId: string }) => c.factoryId === own.factory)).toBe(true);
    expect(certificates.body.total).toBeGreaterThan(0);
    const submissions = await t.http().get('/api/v1/submissions').set(manager.auth).expect(200);
    expect(submissions.body.items.every((s: { factoryId: string }) => s.factoryId === own.factory)).toBe(true);
    expect(submissions.body.total).toBeGreaterThan(0);
  });
});
