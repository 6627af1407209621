/** A preview may be committed for an hour; after that the data may have moved on. */
export const PREVIEW_LIFETIME_MS = 60 * 60 * 1000;
