import { Logger } from '@nestjs/common';

/**
 * Nest closes the application on SIGTERM/SIGINT (enableShutdownHooks), and BullMQ lets
 * in-flight jobs finish. But a BullMQ worker whose Redis is unreachable never finishes
 * closing, so the process would wait for the orchestrator's SIGKILL. Give the graceful
 * close a bounded time (below Docker's default 10 s stop grace), then exit.
 */
export function exitIfShutdownHangs(graceMs = 8000): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        new Logger('certpact').warn(
          `Shutdown on ${signal} did not finish within ${graceMs / 1000} s (is Redis down?); exiting`,
        );
        process.exit(1);
      }, graceMs).unref();
    });
  }
}
