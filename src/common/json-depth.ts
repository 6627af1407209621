import type { NextFunction, Request, Response } from 'express';
import { DomainError } from './errors';

/** Deeper than any request certpact takes; far below what would exhaust the stack. */
export const MAX_JSON_DEPTH = 64;

/**
 * The first path (top-level field first) at which `value` nests deeper than `maxDepth`,
 * or null. Iterative, so a body nested 20,000 levels cannot overflow the stack here.
 */
export function tooDeepAt(value: unknown, maxDepth: number): string | null {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= maxDepth) return item.path || 'body';
    for (const [key, child] of Object.entries(item.value)) {
      // The field is named by its top-level key: the rest of a deep path says nothing.
      const path = item.depth === 0 ? key : item.path;
      stack.push({ value: child, depth: item.depth + 1, path });
    }
  }
  return null;
}

/**
 * Refuses a parsed JSON body nested deeper than MAX_JSON_DEPTH with a 400 naming the
 * field, before the guard and validation (which recurse) ever see it.
 */
export function jsonDepthLimit(maxDepth = MAX_JSON_DEPTH) {
  return (request: Request, _response: Response, next: NextFunction): void => {
    const field = tooDeepAt(request.body, maxDepth);
    if (!field) return next();
    const message = `${field} is nested more than ${maxDepth} levels deep`;
    next(new DomainError('invalid', 'VALIDATION.TOO_DEEP', message, [{ field, message }]));
  };
}
