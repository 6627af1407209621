import type { JobsOptions } from 'bullmq';

/** The queue that reads large import files outside the request. */
export const IMPORT_QUEUE = 'imports';

export const ImportJobs = {
  /** Reads and validates one uploaded file into its preview. */
  read: 'read-import',
  /** Removes previews past their lifetime, with their rows (imports.service.ts removeExpired). */
  removeExpired: 'remove-expired-imports',
} as const;

/** The fixed id of the repeatable clean-up: one schedule, whatever the number of workers. */
export const REMOVE_EXPIRED_SCHEDULER_ID = 'imports-remove-expired';
/** Every hour, at a minute apart from the reminder schedules'. */
export const REMOVE_EXPIRED_PATTERN = '23 * * * *';

export interface ReadImportPayload {
  organizationId: string;
  importId: string;
}

/** Files above this size are read by a job; smaller ones within the request. */
export const IMPORT_JOB_MIN_BYTES = 512 * 1024;

/** No `:` in custom job ids (BullMQ uses it as its key separator). */
export const readJobId = (importId: string) => `import-${importId}`;

export const removeExpiredJobOptions: JobsOptions = {
  removeOnComplete: { age: 24 * 3600, count: 100 },
  removeOnFail: { age: 7 * 24 * 3600, count: 100 },
};

export const readJobOptions: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 1000 },
};
