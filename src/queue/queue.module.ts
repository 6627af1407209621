import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { redisConfig } from '../config/configuration';
import { WorkerRole } from './worker-role';

/**
 * The one BullMQ connection setup (REDIS_URL, QUEUE_PREFIX). Features register their
 * own queues with BullModule.registerQueue and keep names, job names and payload types
 * in their own `*.jobs.ts`.
 */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [redisConfig.KEY],
      useFactory: (config: ConfigType<typeof redisConfig>) => ({
        connection: { url: config.url, maxRetriesPerRequest: null },
        prefix: config.prefix,
      }),
    }),
  ],
  providers: [WorkerRole],
  exports: [BullModule, WorkerRole],
})
export class QueueModule {}
