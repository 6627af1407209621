import type { DataSource } from 'typeorm';

/**
 * A token that changes whenever a write is committed to the database by any connection
 * other than this process's own writer, so that answers kept in memory (ReportCache) can
 * be checked against writes made by other processes (a worker, a second API) with one
 * cheap read per request instead of being trusted for a fixed time.
 *
 * - SQLite: `PRAGMA data_version`, which changes when another connection commits to the
 *   file. This process's own writes do not change it on its own connection; the cache's
 *   generation counts those.
 * - PostgreSQL: the current snapshot (`xmin:xmax:in-progress xids`). Only a transaction
 *   that writes is given a transaction id, so the snapshot moves when one starts writing
 *   and again when it ends: two equal snapshots mean no write committed in between. It is
 *   cluster-wide, so writes to other databases of the cluster also move it (a miss, never
 *   a stale answer).
 * - Anything else: no token; only this process's writes are seen.
 */
export function committedVersionReader(dataSource: DataSource): () => Promise<string> {
  switch (dataSource.options?.type) {
    case 'sqlite':
      return () => sqliteDataVersion(dataSource);
    case 'postgres':
      return () => postgresSnapshot(dataSource);
    default:
      return () => Promise.resolve('');
  }
}

interface SqliteConnection {
  get(sql: string, callback: (error: Error | null, row: { data_version: number }) => void): void;
}

/** Straight to the driver: through TypeORM this one-value read would cost ten times more. */
function sqliteDataVersion(dataSource: DataSource): Promise<string> {
  const connection = (dataSource.driver as unknown as { databaseConnection: SqliteConnection })
    .databaseConnection;
  return new Promise((resolve, reject) =>
    connection.get('PRAGMA data_version', (error, row) =>
      error ? reject(error) : resolve(String(row.data_version)),
    ),
  );
}

interface PostgresPool {
  query(sql: string): Promise<{ rows: { version: string }[] }>;
}

async function postgresSnapshot(dataSource: DataSource): Promise<string> {
  const pool = (dataSource.driver as unknown as { master: PostgresPool }).master;
  const { rows } = await pool.query('SELECT pg_current_snapshot()::text AS version');
  return rows[0].version;
}
