import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** A free TCP port on loopback (nothing listens on it afterwards). */
export function freePort(): Promise<number> {
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

export interface ServiceProcess {
  child: ChildProcessWithoutNullStreams;
  /** Everything it printed so far, stdout and stderr together. */
  output(): string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string | null>;
  kill(signal: NodeJS.Signals): Promise<number | string | null>;
}

/**
 * Runs one of the real entry points (`src/main.ts` or `src/worker.ts`, or a benchmark's
 * own server) as its own Node process, with only the given environment, and waits until it
 * prints `readyLine`. With `keepOutput: false` what it prints after that is dropped (a
 * benchmark's access log would otherwise fill memory).
 */
export async function startProcess(
  entry: string,
  env: Record<string, string>,
  readyLine: string,
  timeoutMs = 240_000,
  options: { keepOutput?: boolean } = {},
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', entry], {
    cwd: resolve(__dirname, '..', '..'),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  let output = '';
  let ready = false;
  const append = (chunk: Buffer) => {
    if (!ready || options.keepOutput !== false) output += chunk.toString();
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exited = new Promise<number | string | null>((done) =>
    child.once('exit', (code, signal) => done(code ?? signal)),
  );
  const service: ServiceProcess = {
    child,
    output: () => output,
    exited,
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  await new Promise<void>((resolveReady, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`${entry} not ready in time: ${output}`)),
      timeoutMs,
    );
    const check = () => {
      if (ready || !output.includes(readyLine)) return;
      ready = true;
      clearTimeout(timer);
      resolveReady();
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`${entry} exited early (${String(code)}): ${output}`));
    });
  });
  return service;
}
