import { randomUUID } from 'node:crypto';
import { InjectFlowProducer, InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { FlowProducer, Queue } from 'bullmq';
import { CertificatesService } from '../certificates/certificates.service';
import { CertificateErrors } from '../certificates/certificates.errors';
import { LAPSING_STATUSES } from '../certificates/certificate-status';
import { registryConfig } from '../config/configuration';
import type { Actor } from '../common/actor';
import { BulkVerifyDto } from './dto/verification.dto';
import {
  batchJobId,
  batchJobOptions,
  certificateJobId,
  certificateJobOptions,
  VERIFICATION_FLOW,
  VERIFICATION_QUEUE,
  VerificationJobs,
  VerifyBatchPayload,
  VerifyBatchSummary,
  VerifyCertificatePayload,
} from './verification.jobs';
import { VerificationErrors } from './verification.errors';
import { VerificationsService } from './verifications.service';
import { withinMs } from '../queue/redis-patience';

export interface BulkJobStatus {
  jobId: string;
  /** BullMQ's state of the batch: `waiting-children` while certificates are being checked. */
  state: string;
  total: number;
  /** Certificates finished (checked, skipped or failed after retries). */
  done: number;
  summary: VerifyBatchSummary | null;
  failedReason: string | null;
}

const QUEUE_ANSWER_MS = 5000;

@Injectable()
export class BulkVerificationService {
  constructor(
    private readonly verifications: VerificationsService,
    private readonly certificates: CertificatesService,
    @InjectQueue(VERIFICATION_QUEUE) private readonly queue: Queue,
    @InjectFlowProducer(VERIFICATION_FLOW) private readonly flows: FlowProducer,
    @Inject(registryConfig.KEY) private readonly config: ConfigType<typeof registryConfig>,
  ) {}

  /** Queues one job per certificate under one batch job; the worker runs them rate limited. */
  async start(actor: Actor, input: BulkVerifyDto): Promise<BulkJobStatus> {
    if (this.verifications.configuredAdapters().length === 0) throw VerificationErrors.noRegistry();
    const ids = await this.certificateIds(actor.organizationId, input);
    if (ids.length === 0) throw VerificationErrors.noCurrentCertificates();
    const batchId = randomUUID();
    const batch: VerifyBatchPayload = {
      organizationId: actor.organizationId,
      requestedById: actor.userId,
      total: ids.length,
    };
    await this.untilQueueAnswers(
      this.flows.add({
        name: VerificationJobs.batch,
        queueName: VERIFICATION_QUEUE,
        data: batch,
        opts: { ...batchJobOptions(this.config.retryBackoffMs), jobId: batchJobId(batchId) },
        children: ids.map((certificateId) => ({
          name: VerificationJobs.certificate,
          queueName: VERIFICATION_QUEUE,
          data: {
            organizationId: actor.organizationId,
            requestedById: actor.userId,
            certificateId,
          } satisfies VerifyCertificatePayload,
          opts: {
            ...certificateJobOptions(this.config.retryBackoffMs),
            jobId: certificateJobId(batchId, certificateId),
          },
        })),
      }),
    );
    return this.status(actor, batchJobId(batchId));
  }

  async status(actor: Actor, jobId: string): Promise<BulkJobStatus> {
    if (!/^verify-batch-[0-9a-f-]{36}$/.test(jobId)) throw VerificationErrors.jobNotFound();
    // State first: the job read after it then carries at least that state's result.
    const state = await this.untilQueueAnswers(this.queue.getJobState(jobId));
    const job = await this.untilQueueAnswers(this.queue.getJob(jobId));
    const data = job?.data as VerifyBatchPayload | undefined;
    if (
      !job ||
      job.name !== VerificationJobs.batch ||
      data?.organizationId !== actor.organizationId
    ) {
      throw VerificationErrors.jobNotFound();
    }
    const counts = await job.getDependenciesCount();
    const total = data.total;
    return {
      jobId,
      state,
      total,
      done: state === 'completed' ? total : total - (counts.unprocessed ?? 0),
      summary: state === 'completed' ? (job.returnvalue as VerifyBatchSummary) : null,
      failedReason: job.failedReason ?? null,
    };
  }

  /**
   * The queue's connection waits for Redis indefinitely; a request must not. A flow
   * added while Redis is away may still land once it is back (ioredis replays it).
   */
  private untilQueueAnswers<T>(work: Promise<T>): Promise<T> {
    return withinMs(work, QUEUE_ANSWER_MS, () => VerificationErrors.queueUnavailable());
  }

  private async certificateIds(organizationId: string, input: BulkVerifyDto): Promise<string[]> {
    if (input.all) return this.certificates.idsWithStatus(organizationId, [...LAPSING_STATUSES]);
    const wanted = [...new Set(input.certificateIds ?? [])];
    if (wanted.length === 0) return [];
    const rows = await this.certificates.issueDatesOf(organizationId, wanted);
    if (rows.length !== wanted.length) throw CertificateErrors.notFound();
    return wanted;
  }
}
