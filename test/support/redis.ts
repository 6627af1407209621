import Redis from 'ioredis';

/** Deletes this test's own queue keys (never FLUSHALL: other people's tests share this Redis). */
export async function deleteQueueKeys(
  prefix: string,
  url = 'redis://127.0.0.1:6379',
): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
