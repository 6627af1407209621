import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { HealthIndicatorService } from '@nestjs/terminus';
import Redis from 'ioredis';
import { redisConfig } from '../config/configuration';
import { REDIS_HINT, withinMs } from '../queue/redis-patience';

/** Pings Redis on its own connection, so a dead Redis never blocks the API. */
@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly logger = new Logger('Redis');
  private readonly client: Redis;
  private warned = false;

  constructor(
    private readonly indicator: HealthIndicatorService,
    @Inject(redisConfig.KEY) private readonly config: ConfigType<typeof redisConfig>,
  ) {
    this.client = new Redis(config.url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 2000,
      retryStrategy: () => 5000,
    });
    this.client.on('error', (error: Error) => {
      if (this.warned) return;
      this.warned = true;
      this.logger.warn(`Redis at ${config.url} is not reachable (${error.message}); ${REDIS_HINT}`);
    });
    this.client.on('ready', () => (this.warned = false));
  }

  async isHealthy(key: string) {
    const check = this.indicator.check(key);
    try {
      if (this.client.status === 'wait') await this.client.connect();
      await withinMs(this.client.ping(), 1500);
      return check.up();
    } catch (error) {
      return check.down({
        message: `Redis at ${this.config.url} is not reachable: ${(error as Error).message}`,
      });
    }
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}
