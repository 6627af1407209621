import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { WorkerRole } from '../queue/worker-role';
import {
  VERIFICATION_QUEUE,
  VERIFICATION_RATE_LIMIT,
  VerificationJobs,
  VerifyBatchPayload,
  VerifyBatchSummary,
  VerifyCertificateOutcome,
  VerifyCertificatePayload,
} from './verification.jobs';
import { VerificationsService } from './verifications.service';

/**
 * Runs bulk verification. Started only in processes that run the worker (RUN_WORKER);
 * the limiter keeps every worker of the queue together under the registry's rate.
 */
@Processor(VERIFICATION_QUEUE, { autorun: false, limiter: VERIFICATION_RATE_LIMIT, concurrency: 2 })
export class VerificationProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(VerificationProcessor.name);

  constructor(
    private readonly verifications: VerificationsService,
    private readonly role: WorkerRole,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    if (!this.role.runsWorkers) return;
    this.worker.run().catch((error: unknown) => {
      this.logger.error(`verification worker stopped: ${String(error)}`);
    });
  }

  async process(job: Job): Promise<VerifyCertificateOutcome | VerifyBatchSummary> {
    if (job.name === VerificationJobs.certificate) {
      const data = job.data as VerifyCertificatePayload;
      const records = await this.verifications.verifyById(
        data.organizationId,
        data.requestedById,
        data.certificateId,
      );
      return {
        certificateId: data.certificateId,
        results: records ? records.map((r) => r.result) : null,
      };
    }
    if (job.name === VerificationJobs.batch) return this.summarize(job);
    throw new Error(`unknown verification job ${job.name}`);
  }

  private async summarize(job: Job): Promise<VerifyBatchSummary> {
    const data = job.data as VerifyBatchPayload;
    const outcomes = Object.values(await job.getChildrenValues<VerifyCertificateOutcome>());
    const failures = Object.keys(await job.getIgnoredChildrenFailures());
    const summary: VerifyBatchSummary = {
      total: data.total,
      checked: 0,
      skipped: 0,
      failed: failures.length,
      byResult: {},
    };
    for (const outcome of outcomes) {
      if (outcome.results === null) {
        summary.skipped += 1;
        continue;
      }
      summary.checked += 1;
      for (const result of outcome.results)
        summary.byResult[result] = (summary.byResult[result] ?? 0) + 1;
    }
    return summary;
  }
}
