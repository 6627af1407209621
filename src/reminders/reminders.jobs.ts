/**
 * The reminder engine's queues. Jobs carry ids only: the rows in `reminders` are the
 * truth, and a job whose rows are already sent (or claimed) does nothing.
 */
export const REMINDER_SCAN_QUEUE = 'reminder-scans';
export const REMINDER_DIGEST_QUEUE = 'reminder-digests';

export const SCAN_JOB = 'scan-organization';
export const SYNC_SCHEDULES_JOB = 'sync-schedules';
export const SEND_DIGEST_JOB = 'send-digest';

export interface ScanJobData {
  organizationId: string;
}

export interface SendDigestJobData {
  organizationId: string;
  digestId: string;
}

/** The fixed scheduler id of an organization's daily scan (no `:` in BullMQ custom ids). */
export const scanSchedulerId = (organizationId: string): string =>
  `reminder-scan-${organizationId}`;

/** An hourly sweep that gives organizations created since the start their own schedule. */
export const SYNC_SCHEDULER_ID = 'reminder-sync-schedules';

/**
 * A digest's job id: one per digest and delivery attempt generation and day, so a re-queue
 * of a digest still waiting in Redis is a no-op, while a digest whose job Redis lost (or
 * whose last attempt failed) can be queued again.
 */
export const digestJobId = (digestId: string, attempts: number, day: string): string =>
  `digest-${digestId}-${day}-a${attempts}`;

/** Completed and failed jobs are kept for a while for inspection, bounded by age and count. */
export const KEEP_COMPLETED = { age: 24 * 3600, count: 1000 };
export const KEEP_FAILED = { age: 7 * 24 * 3600, count: 5000 };
