import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { withinMs } from '../queue/redis-patience';
import { ImportErrors } from './imports.errors';
import {
  IMPORT_QUEUE,
  ImportJobs,
  ReadImportPayload,
  readJobId,
  readJobOptions,
  REMOVE_EXPIRED_PATTERN,
  REMOVE_EXPIRED_SCHEDULER_ID,
  removeExpiredJobOptions,
} from './imports.jobs';

/** How long an upload waits for Redis to take its job before answering 503. */
const QUEUE_ANSWER_MS = 3000;

@Injectable()
export class ImportQueue {
  constructor(@InjectQueue(IMPORT_QUEUE) private readonly queue: Queue) {}

  async enqueue(organizationId: string, importId: string): Promise<void> {
    await withinMs(
      this.queue.add(ImportJobs.read, { organizationId, importId } satisfies ReadImportPayload, {
        ...readJobOptions,
        jobId: readJobId(importId),
      }),
      QUEUE_ANSWER_MS,
      () => ImportErrors.queueUnavailable(),
    );
  }

  /** Upserts the hourly clean-up of expired previews (idempotent: a fixed id and pattern). */
  async scheduleRemoveExpired(): Promise<void> {
    await withinMs(
      this.queue.upsertJobScheduler(
        REMOVE_EXPIRED_SCHEDULER_ID,
        { pattern: REMOVE_EXPIRED_PATTERN },
        { name: ImportJobs.removeExpired, data: {}, opts: removeExpiredJobOptions },
      ),
      QUEUE_ANSWER_MS,
      () => ImportErrors.queueUnavailable(),
    );
  }
}
