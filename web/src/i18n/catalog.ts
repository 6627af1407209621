import type { en } from './en';

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every catalogue has: the English one's keys, any text. */
export type Catalog = Widen<typeof en>;
