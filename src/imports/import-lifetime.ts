/** A preview may be committed for an hour; after that the data may have moved on. */
export const PREVIEW_LIFETIME_MS = 60 * 60 * 1000;

/**
 * A file still queued or being read after this long lost its job (a worker died past its
 * retries): its preview and rows are removed with the expired ones.
 */
export const STUCK_READ_MS = 24 * 60 * 60 * 1000;
