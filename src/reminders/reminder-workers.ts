import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { WorkerRole } from '../queue/worker-role';
import { ReminderQueues } from './reminder-queues';
import { ReminderScheduler } from './reminder-scheduler';
import { ReminderDigestProcessor, ReminderScanProcessor } from './reminders.processor';

/**
 * Starts the reminder workers in this process when it is a worker (RUN_WORKER, default
 * true, or the worker entry point), and registers the schedules. Nest closes the
 * workers on shutdown; BullMQ lets the in-flight job finish first.
 */
@Injectable()
export class ReminderWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly scheduler: ReminderScheduler,
    private readonly queues: ReminderQueues,
    private readonly scanProcessor: ReminderScanProcessor,
    private readonly digestProcessor: ReminderDigestProcessor,
    private readonly role: WorkerRole,
  ) {}

  get enabled(): boolean {
    return this.role.runsWorkers;
  }

  onApplicationBootstrap(): void {
    for (const host of [this.scanProcessor, this.digestProcessor]) {
      // Without a listener an 'error' event (Redis gone) would crash the process.
      host.worker.on('error', (error: Error) => this.queues.reportRedisError(error));
    }
    if (!this.enabled) return;
    for (const host of [this.scanProcessor, this.digestProcessor]) {
      host.worker
        .run()
        .catch((error: unknown) => this.logger.error(`Reminder worker stopped: ${String(error)}`));
    }
    // Not awaited: a missing Redis must not hold up the start (the queue calls time out and warn).
    this.scheduler
      .syncAll()
      .catch((error: unknown) =>
        this.logger.warn(`Could not register reminder schedules: ${String(error)}`),
      );
  }

  /** The BullMQ workers themselves are closed by @nestjs/bullmq, after their in-flight jobs. */
  async onApplicationShutdown(signal?: string): Promise<void> {
    if (!this.enabled) return;
    await Promise.all([this.scanProcessor.worker.close(), this.digestProcessor.worker.close()]);
    this.logger.log(
      `Reminder workers stopped${signal ? ` on ${signal}` : ''}, in-flight jobs finished`,
    );
  }
}
