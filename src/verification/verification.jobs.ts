import type { JobsOptions } from 'bullmq';
import type { VerificationResult } from './verification.entity';

/** The queue of registry look-ups, and the flow producer that fans a bulk request out. */
export const VERIFICATION_QUEUE = 'verification';
export const VERIFICATION_FLOW = 'verification-flow';

export const VerificationJobs = {
  /** Parent of a bulk request: runs once every certificate job has finished; sums them up. */
  batch: 'verify-batch',
  /** One certificate against every configured registry. */
  certificate: 'verify-certificate',
} as const;

export interface VerifyBatchPayload {
  organizationId: string;
  requestedById: string;
  total: number;
}

export interface VerifyCertificatePayload {
  organizationId: string;
  requestedById: string;
  certificateId: string;
}

export interface VerifyCertificateOutcome {
  certificateId: string;
  /** Null when the certificate was deleted before its turn. */
  results: VerificationResult[] | null;
}

export interface VerifyBatchSummary {
  total: number;
  checked: number;
  skipped: number;
  failed: number;
  byResult: Partial<Record<VerificationResult, number>>;
}

/**
 * Registries limit their callers: the worker takes at most this many jobs per interval
 * (BullMQ's limiter, shared by every worker of the queue).
 */
export const VERIFICATION_RATE_LIMIT = { max: 5, duration: 1000 };

/** Retries back off exponentially from VERIFICATION_BACKOFF_MS. */
export const certificateJobOptions = (backoffMs: number): JobsOptions => ({
  attempts: 3,
  backoff: { type: 'exponential', delay: backoffMs },
  // A certificate whose registry stays down must not hold the whole batch forever.
  ignoreDependencyOnFailure: true,
  removeOnComplete: { age: 24 * 3600, count: 5000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
});

export const batchJobOptions = (backoffMs: number): JobsOptions => ({
  attempts: 3,
  backoff: { type: 'exponential', delay: backoffMs },
  removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 1000 },
});

/** Custom job ids may not contain ':'. */
export const batchJobId = (batchId: string) => `verify-batch-${batchId}`;
export const certificateJobId = (batchId: string, certificateId: string) =>
  `verify-${batchId}-${certificateId}`;
