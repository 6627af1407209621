/** How to get Redis back, appended to every warning that it cannot be reached. */
export const REDIS_HINT =
  'start it with `redis-server --daemonize yes` (or `docker compose up -d redis`), or point REDIS_URL at a running server';

/**
 * A Redis command waits for its server indefinitely (ioredis queues it until the
 * connection is back); a request or a scan must not. Settles as `work` does, or rejects
 * with `timeoutError()` after `ms`; the timer never outlives the race nor keeps the
 * process alive.
 */
export function withinMs<T>(
  work: Promise<T>,
  ms: number,
  timeoutError: () => Error = () => new Error(`no answer within ${ms} ms`),
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError()), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
