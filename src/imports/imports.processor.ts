import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { WorkerRole } from '../queue/worker-role';
import { IMPORT_QUEUE, ImportJobs, ReadImportPayload } from './imports.jobs';
import { ImportsService } from './imports.service';

/** Reads large import files. Started only in processes that run the worker (RUN_WORKER). */
@Processor(IMPORT_QUEUE, { autorun: false, concurrency: 1 })
export class ImportsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ImportsProcessor.name);

  constructor(
    private readonly imports: ImportsService,
    private readonly role: WorkerRole,
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
  }

  async process(job: Job): Promise<void> {
    if (job.name !== ImportJobs.read) throw new Error(`unknown import job ${job.name}`);
    const data = job.data as ReadImportPayload;
    await this.imports.readQueued(data.organizationId, data.importId, (percent) =>
      job.updateProgress(percent),
    );
  }
}
