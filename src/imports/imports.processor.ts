import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Job } from 'bullmq';
import { appConfig } from '../config/configuration';
import { IMPORT_QUEUE, ImportJobs, ReadImportPayload } from './imports.jobs';
import { ImportsService } from './imports.service';

/** Reads large import files. Started only in processes that run the worker (RUN_WORKER). */
@Processor(IMPORT_QUEUE, { autorun: false, concurrency: 1 })
export class ImportsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ImportsProcessor.name);

  constructor(
    private readonly imports: ImportsService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    // Without a listener an 'error' event (Redis gone) would crash the process.
    this.worker.on('error', (error: Error) => this.logger.warn(`imports queue: ${error.message}`));
    if (!this.app.runWorker) return;
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
