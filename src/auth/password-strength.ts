import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { DomainError } from '../common/errors';

/** zxcvbn's "safely unguessable" (about 10^10 guesses and more): 3 of 0–4. */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | null = null;

/** Built on first use: the dictionaries (common passwords, names, English words) are large. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return estimator;
}

/**
 * Why a password is too easy to guess, as advice the person can act on, or null when it
 * is strong enough. `userInputs` (email, names) count as known words.
 */
export function weakPasswordAdvice(password: string, userInputs: string[] = []): string | null {
  const result = zxcvbn().check(password, userInputs.filter(Boolean));
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const advice = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean);
  return [
    'is too easy to guess.',
    ...advice,
    'A passphrase of three or four uncommon words, or one made by a password manager, is strong enough.',
  ].join(' ');
}

/** The person's own words (email, its parts, names), which a guesser tries first. */
export function knownWords(...texts: (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    words.add(text.toLowerCase());
    for (const part of text.toLowerCase().split(/[^\p{L}\p{N}]+/u))
      if (part.length >= 3) words.add(part);
    const local = text.includes('@')
      ? text
          .split('@')[0]
          .toLowerCase()
          .replace(/[^\p{L}\p{N}]+/gu, '')
      : '';
    if (local) words.add(local);
  }
  return [...words];
}

/** Throws AUTH.WEAK_PASSWORD naming `field` when the password is too easy to guess. */
export function assertStrongPassword(
  password: string,
  userInputs: string[] = [],
  field = 'password',
): void {
  const advice = weakPasswordAdvice(password, userInputs);
  if (!advice) return;
  const message = `${field} ${advice}`;
  throw new DomainError('invalid', 'AUTH.WEAK_PASSWORD', message, [{ field, message }]);
}
