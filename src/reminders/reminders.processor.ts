import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { DigestDeliveryService } from './digest-delivery.service';
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

/** One digest per job; SMTP refusals are thrown so BullMQ retries with exponential backoff. */
@Processor(REMINDER_DIGEST_QUEUE, { autorun: false, concurrency: 4 })
export class ReminderDigestProcessor extends WorkerHost {
  private readonly logger = new Logger('Reminders');

  constructor(private readonly delivery: DigestDeliveryService) {
    super();
  }

  async process(job: Job<SendDigestJobData>): Promise<unknown> {
    const outcome = await this.delivery.deliver(job.data.digestId);
    if (outcome.status === 'retry') throw new Error(outcome.error);
    if (outcome.status === 'failed')
      this.logger.warn(`Digest ${job.data.digestId} failed for good: ${outcome.error}`);
    return outcome;
  }
}
