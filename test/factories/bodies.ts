import type { components } from '../../web/src/api/schema';

/** A request body as the API document declares it (the generated contract the web app uses). */
export type Body<Name extends keyof components['schemas']> = components['schemas'][Name];

/**
 * What a test may change of a body: any declared field, set to its declared type, to null
 * (to see what the API does with it) or to undefined (to leave it out of the JSON).
 */
export type Overrides<T> = { [K in keyof T]?: T[K] | null };

/**
 * A valid body with some fields set to what the API must refuse (a number for a string, a
 * field that does not exist): the one place a test leaves the declared types on purpose.
 */
export function withInvalid<T extends object>(body: T, invalid: Record<string, unknown>): object {
  return { ...body, ...invalid };
}
