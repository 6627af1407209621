/**
 * The Chinese Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters
 * from a 31-character alphabet (no I, O, S, V, Z); the last is a check character
 * computed from the first 17 with weights 3^i mod 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccProblem = 'length' | 'characters' | 'check_character';

export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** Null when valid; otherwise what is wrong. Lower-case letters are accepted as typed. */
export function usccProblem(code: string): UsccProblem | null {
  const value = code.trim().toUpperCase();
  if (value.length !== 18) return 'length';
  if ([...value].some((c) => !ALPHABET.includes(c))) return 'characters';
  if (usccCheckCharacter(value.slice(0, 17)) !== value[17]) return 'check_character';
  return null;
}

export const USCC_MESSAGES: Record<UsccProblem, string> = {
  length: 'licenseNumber must be an 18-character Unified Social Credit Code for a factory in CN',
  characters:
    'licenseNumber may only contain digits and the capital letters A-H, J-N, P-R, T, U, W, X, Y',
  check_character:
    'licenseNumber has a wrong check character: it is not a valid Unified Social Credit Code',
};
