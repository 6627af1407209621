import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { DelayedError, Job } from 'bullmq';
import { BATCH_SIZE, DigestDeliveryService } from './digest-delivery.service';
import { ReminderScheduler } from './reminder-scheduler';
import { ReminderScanService } from './reminder-scan.service';
import {
  REMINDER_DIGEST_QUEUE,
  REMINDER_SCAN_QUEUE,
  SCAN_JOB,
  ScanJobData,
  SendDigestJobData,
  SYNC_SCHEDULES_JOB,
} from './reminders.jobs';

/** Scheduled scans (one organization per job) and the hourly schedule sweep. */
@Processor(REMINDER_SCAN_QUEUE, { autorun: false, concurrency: 1 })
export class ReminderScanProcessor extends WorkerHost {
  constructor(
    private readonly scanner: ReminderScanService,
    private readonly scheduler: ReminderScheduler,
  ) {
    super();
  }

  async process(job: Job<ScanJobData>): Promise<unknown> {
    if (job.name === SYNC_SCHEDULES_JOB) return { organizations: await this.scheduler.syncAll() };
    if (job.name === SCAN_JOB) {
      const result = await this.scanner.scanAndQueue(job.data.organizationId);
      return {
        scanOn: result.scanOn,
        created: result.created,
        digests: result.pendingDigests.length,
      };
    }
    throw new Error(`unknown job ${job.name}`);
  }
}

/** Digest jobs in flight in one worker process: two of DigestDeliveryService's batches. */
const DIGEST_CONCURRENCY = 2 * BATCH_SIZE;

/** Slack after another sender's claim ends, so its clock and ours need not agree to the ms. */
const HELD_MARGIN_MS = 1000;

/**
 * One digest per job; SMTP refusals are thrown so BullMQ retries with exponential backoff.
 * Many jobs at once: DigestDeliveryService claims and marks the digests in flight
 * together (one statement for many), and mails them over the pooled SMTP connections.
 */
@Processor(REMINDER_DIGEST_QUEUE, { autorun: false, concurrency: DIGEST_CONCURRENCY })
export class ReminderDigestProcessor extends WorkerHost {
  private readonly logger = new Logger('Reminders');

  constructor(private readonly delivery: DigestDeliveryService) {
    super();
  }

  async process(job: Job<SendDigestJobData>, token?: string): Promise<unknown> {
    const outcome = await this.delivery.deliver(job.data.digestId);
    if (outcome.status === 'retry') throw new Error(outcome.error);
    if (outcome.status === 'held') {
      // Another sender holds the rows (perhaps killed mid-send): come back when its claim
      // runs out instead of completing, or the digest would wait for tomorrow's scan.
      await job.moveToDelayed(outcome.until.getTime() + HELD_MARGIN_MS, token);
      throw new DelayedError();
    }
    if (outcome.status === 'failed')
      this.logger.warn(`Digest ${job.data.digestId} failed for good: ${outcome.error}`);
    return outcome;
  }
}
