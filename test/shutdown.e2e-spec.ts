import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** A free TCP port on loopback (nothing listens on it afterwards). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

describe('shutdown', () => {
  it('exits on SIGTERM even when Redis is down and the worker runs in the API', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'certpact-shutdown-'));
    const [port, deadRedisPort] = await Promise.all([freePort(), freePort()]);
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'src/main.ts'],
      {
        cwd: resolve(__dirname, '..'),
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          DATA_DIR: dataDir,
          DATABASE_URL: `sqlite:${join(dataDir, 'shutdown-test.sqlite')}`,
          PORT: String(port),
          REDIS_URL: `redis://127.0.0.1:${deadRedisPort}`,
          RUN_WORKER: 'true',
        },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await new Promise<void>((ready, fail) => {
        child.stdout.on('data', () => output.includes('API on') && ready());
        child.once('exit', (code) => fail(new Error(`exited early (${code}): ${output}`)));
      });
      const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
      child.kill('SIGTERM');
      // Without the bounded shutdown the BullMQ workers wait for Redis forever and this
      // never resolves (the test then fails on its timeout).
      expect(await exited).toBe(1);
      expect(output).toContain('did not finish');
      expect(output).toContain('is Redis down?');
    } finally {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
