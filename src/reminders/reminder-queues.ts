import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Queue } from 'bullmq';
import { redisConfig, remindersConfig } from '../config/configuration';
import { REDIS_HINT, withinMs } from '../queue/redis-patience';
import type { ReminderPolicy } from '../organizations/organization.entity';
import { scanPattern } from './reminder-policy';
import {
  digestJobId,
  KEEP_COMPLETED,
  KEEP_FAILED,
  REMINDER_DIGEST_QUEUE,
  REMINDER_SCAN_QUEUE,
  SCAN_JOB,
  ScanJobData,
  scanSchedulerId,
  SEND_DIGEST_JOB,
  SendDigestJobData,
  SYNC_SCHEDULER_ID,
  SYNC_SCHEDULES_JOB,
} from './reminders.jobs';

/** How long a queue call may take before the caller carries on without Redis. */
const REDIS_PATIENCE_MS = 3000;

export interface DigestToQueue {
  digestId: string;
  /** Attempts spent so far (the job id changes with it). */
  attempts: number;
}

/**
 * Everything the engine asks of Redis. Redis is only the transport: when it is down,
 * these calls give up after a few seconds and say so, the rows stay pending in the
 * database, and the next scan queues them again.
 */
@Injectable()
export class ReminderQueues implements OnModuleInit {
  private readonly logger = new Logger('Reminders');
  private lastWarning = 0;

  constructor(
    @InjectQueue(REMINDER_SCAN_QUEUE) private readonly scans: Queue<ScanJobData>,
    @InjectQueue(REMINDER_DIGEST_QUEUE) private readonly digests: Queue<SendDigestJobData>,
    @Inject(remindersConfig.KEY) private readonly config: ConfigType<typeof remindersConfig>,
    @Inject(redisConfig.KEY) private readonly redis: ConfigType<typeof redisConfig>,
  ) {}

  onModuleInit(): void {
    // An 'error' event without a listener would crash the process when Redis goes away.
    for (const queue of [this.scans, this.digests] as Queue[]) {
      queue.on('error', (error: Error) => this.reportRedisError(error));
    }
  }

  /** The exponential backoff after `attempts` failed attempts (as BullMQ computes it). */
  backoffAfter(attempts: number): number {
    return Math.round(2 ** Math.max(0, attempts - 1) * this.config.backoffMs);
  }

  /** Queues one send job per digest; returns false when Redis did not answer. */
  async queueDigests(
    organizationId: string,
    digests: DigestToQueue[],
    day: string,
    delayMs = 0,
  ): Promise<boolean> {
    if (digests.length === 0) return true;
    return this.attempt(() =>
      this.digests.addBulk(
        digests.map((digest) => ({
          name: SEND_DIGEST_JOB,
          data: { organizationId, digestId: digest.digestId },
          opts: {
            jobId: digestJobId(digest.digestId, digest.attempts, day),
            attempts: this.config.maxAttempts,
            backoff: { type: 'exponential', delay: this.config.backoffMs },
            delay: delayMs,
            removeOnComplete: KEEP_COMPLETED,
            removeOnFail: KEEP_FAILED,
          },
        })),
      ),
    );
  }

  /** The organization's daily scan at its local sending hour; the same id every time. */
  upsertScanSchedule(organizationId: string, policy: ReminderPolicy): Promise<boolean> {
    return this.attempt(() =>
      this.scans.upsertJobScheduler(
        scanSchedulerId(organizationId),
        { pattern: scanPattern(policy), tz: policy.timezone },
        {
          name: SCAN_JOB,
          data: { organizationId },
          opts: {
            attempts: 3,
            backoff: { type: 'exponential', delay: 60_000 },
            removeOnComplete: KEEP_COMPLETED,
            removeOnFail: KEEP_FAILED,
          },
        },
      ),
    );
  }

  /** Hourly: organizations created since the workers started get their schedule. */
  upsertSyncSchedule(): Promise<boolean> {
    return this.attempt(() =>
      this.scans.upsertJobScheduler(
        SYNC_SCHEDULER_ID,
        { pattern: '5 * * * *' },
        {
          name: SYNC_SCHEDULES_JOB,
          data: { organizationId: '' },
          opts: { removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED },
        },
      ),
    );
  }

  /** Job schedulers of the scan queue (for tests and operators). */
  scanSchedulers() {
    return this.scans.getJobSchedulers(0, -1, true);
  }

  async pendingJobCounts(): Promise<number> {
    const counts = await this.digests.getJobCounts('waiting', 'delayed', 'active', 'prioritized');
    return Object.values(counts).reduce((sum, n) => sum + n, 0);
  }

  /** Job counts of both queues by state, or null when Redis does not answer in time. */
  async jobCounts(): Promise<Record<string, Record<string, number>> | null> {
    const states = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
    let counts: Record<string, Record<string, number>> | null = null;
    const answered = await this.attempt(async () => {
      const [scans, digests] = await Promise.all([
        this.scans.getJobCounts(...states),
        this.digests.getJobCounts(...states),
      ]);
      counts = { [REMINDER_SCAN_QUEUE]: scans, [REMINDER_DIGEST_QUEUE]: digests };
    });
    return answered ? counts : null;
  }

  private async attempt(work: () => Promise<unknown>): Promise<boolean> {
    try {
      await withinMs(work(), REDIS_PATIENCE_MS);
      return true;
    } catch (error) {
      this.reportRedisError(error as Error);
      return false;
    }
  }

  /** Once a minute at most, with how to start Redis. */
  reportRedisError(error: Error): void {
    const now = Date.now();
    if (now - this.lastWarning < 60_000) return;
    this.lastWarning = now;
    this.logger.warn(
      `Redis at ${this.redis.url} did not take reminder jobs (${error.message}); reminders stay pending in the database until the next scan. ${REDIS_HINT}`,
    );
  }
}
