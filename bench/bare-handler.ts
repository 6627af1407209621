/**
 * The floor the HTTP benchmark measures certpact against: a bare Node HTTP server that
 * checks the same bearer token with the same library and secret, and runs the same page
 * query plus its count (or the same one-row read) through the same driver on the same
 * database. No framework, no validation, no insights: what any handler must do at least.
 *
 * Run as its own process by bench/http.bench.ts: PORT, DATABASE_URL, JWT_SECRET.
 */
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { verify } from 'jsonwebtoken';
import { Pool } from 'pg';
import { Database } from 'sqlite3';

const port = Number(process.env.PORT);
const url = process.env.DATABASE_URL ?? '';
const secret = process.env.JWT_SECRET ?? '';

type Query = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

function sqliteQuery(path: string): Query {
  const db = new Database(path);
  db.configure('busyTimeout', 5000);
  return (sql, params) =>
    new Promise((resolve, reject) =>
      db.all(sql, params, (error, rows) =>
        error ? reject(error) : resolve(rows as Record<string, unknown>[]),
      ),
    );
}

function postgresQuery(connectionString: string): Query {
  const pool = new Pool({ connectionString, max: 10 });
  let n = 0;
  return async (sql, params) => {
    n = 0;
    const numbered = sql.replace(/\?/g, () => `$${++n}`);
    return (await pool.query(numbered, params)).rows as Record<string, unknown>[];
  };
}

const query: Query = url.startsWith('sqlite:')
  ? sqliteQuery(url.slice('sqlite:'.length))
  : postgresQuery(url);

function organizationOf(request: IncomingMessage): string | null {
  const [scheme, token] = (request.headers.authorization ?? '').split(' ');
  if (scheme !== 'Bearer' || !token) return null;
  try {
    const payload = verify(token, secret) as { org?: string };
    return payload.org ?? null;
  } catch {
    return null;
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

const DETAIL = /^\/api\/v1\/certificates\/([0-9a-f-]{36})$/;

createServer((request, response) => {
  const organizationId = organizationOf(request);
  if (!organizationId) return send(response, 401, { message: 'unauthenticated' });
  const path = (request.url ?? '').split('?')[0];
  const detail = DETAIL.exec(path);
  const work = detail
    ? query('SELECT * FROM "certificates" WHERE "id" = ? AND "organizationId" = ?', [
        detail[1],
        organizationId,
      ]).then((rows) => (rows[0] ? [200, rows[0]] : [404, { message: 'not found' }]))
    : path === '/api/v1/certificates'
      ? Promise.all([
          query(
            'SELECT * FROM "certificates" WHERE "organizationId" = ? ORDER BY "expiresOn" ASC, "id" ASC LIMIT 50',
            [organizationId],
          ),
          query('SELECT COUNT(*) AS "total" FROM "certificates" WHERE "organizationId" = ?', [
            organizationId,
          ]),
        ]).then(([items, count]) => [
          200,
          { items, total: Number(count[0].total), page: 1, pageSize: 50 },
        ])
      : Promise.resolve([404, { message: 'not found' }]);
  work.then(
    ([status, body]) => send(response, status as number, body),
    (error: Error) => send(response, 500, { message: error.message }),
  );
}).listen(port, '127.0.0.1', () => console.log(`bare handler on ${port}`));
