import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { WorkerRole } from '../queue/worker-role';
import { ImportQueue } from './import-queue';
import { IMPORT_QUEUE, ImportJobs, ReadImportPayload } from './imports.jobs';
import { ImportsService } from './imports.service';

/** Reads large import files. Started only in processes that run the worker (RUN_WORKER). */
@Processor(IMPORT_QUEUE, { autorun: false, concurrency: 1 })
export class ImportsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ImportsProcessor.name);

  constructor(
    private readonly imports: ImportsService,
    private readonly role: WorkerRole,
    private readonly queue: ImportQueue,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    // Without a listener an 'error' event (Redis gone) would crash the process.
    this.worker.on('error', (error: Error) => this.logger.warn(`imports queue: ${error.message}`));
    if (!this.role.runsWorkers) return;
    this.worker.run().catch((error: unknown) => {
      this.logger.error(`imports worker stopped: ${String(error)}`);
    });
    // Not awaited: a missing Redis must not hold up the start.
    this.queue
      .scheduleRemoveExpired()
      .catch((error: unknown) =>
        this.logger.warn(`Could not schedule the clean-up of expired imports: ${String(error)}`),
      );
  }

  async process(job: Job): Promise<void> {
    if (job.name === ImportJobs.removeExpired) {
      const removed = await this.imports.removeExpired();
      if (removed > 0) this.logger.log(`Removed ${removed} expired import preview(s)`);
      return;
    }
    if (job.name !== ImportJobs.read) throw new Error(`unknown import job ${job.name}`);
    const data = job.data as ReadImportPayload;
    await this.imports.readQueued(data.organizationId, data.importId, (percent) =>
      job.updateProgress(percent),
    );
  }
}
