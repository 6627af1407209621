import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Starts the real entry point, as `npm start` would, with one variable set wrong. */
function startWith(env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'certpact-config-'));
  try {
    const result = spawnSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'src/main.ts'],
      {
        cwd: resolve(__dirname, '..'),
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          DATA_DIR: dataDir,
          DATABASE_URL: `sqlite:${join(dataDir, 'config-test.sqlite')}`,
          ...env,
        },
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    return {
      status: result.status,
      lines: result.stderr.trim().split('\n').filter(Boolean),
      stdout: result.stdout,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('configuration validated at start', () => {
  it.each([
    ['PORT', { PORT: 'abc' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    ['REDIS_URL', { REDIS_URL: 'localhost:6379' }],
    ['RUN_WORKER', { RUN_WORKER: 'maybe' }],
  ])('stops with one line naming %s', (variable, env) => {
    const { status, lines, stdout } = startWith(env);
    expect(status).not.toBe(0);
    expect(status).not.toBeNull();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(variable);
    expect(lines[0]).toContain(Object.values(env)[0]);
    expect(stdout).toBe('');
  });

  it('names JWT_SECRET without printing it', () => {
    const { status, lines, stdout } = startWith({ JWT_SECRET: 'short-secret' });
    expect(status).not.toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('JWT_SECRET');
    expect(lines[0]).not.toContain('short-secret');
    expect(stdout).toBe('');
  });
});
