/**
 * The stable codes of an import row's problems, so that a client says each in its reader's
 * language (the English `message` stays beside it for API users and logs). Pure: the
 * validators' constraint names and the domain checks map onto codes here.
 */

export const IMPORT_ROW_ERROR_CODES = [
  'required',
  'invalid_text',
  'invalid_date',
  'invalid_country',
  'invalid_email',
  'invalid_format',
  'invalid_list',
  'invalid_yes_no',
  'not_an_option',
  'not_a_whole_number',
  'not_single_line',
  'too_long',
  'too_short',
  'too_small',
  'too_large',
  'too_many_entries',
  'too_few_entries',
  'formula',
  'unknown_factory',
  'unknown_standard',
  'expires_before_issued',
  'superseded_status',
  'certificate_renewed',
  'duplicate_in_file',
  'licence_number_length',
  'licence_number_characters',
  'licence_number_check_character',
  'invalid',
] as const;

export type ImportRowErrorCode = (typeof IMPORT_ROW_ERROR_CODES)[number];

/** What a message needs besides its code: a bound, the value as given, a row, the options. */
export type ImportRowErrorParams = Partial<{
  limit: number;
  value: string;
  row: number;
  allowed: string;
}>;

/** A validator's constraint (class-validator's name, or one of src/common/validators.ts). */
const BY_RULE: Record<string, ImportRowErrorCode> = {
  isNotEmpty: 'required',
  isDefined: 'required',
  isNotNull: 'required',
  isString: 'invalid_text',
  isCalendarDate: 'invalid_date',
  isDateString: 'invalid_date',
  isIso8601: 'invalid_date',
  isISO31661Alpha2: 'invalid_country',
  isEmail: 'invalid_email',
  matches: 'invalid_format',
  isArray: 'invalid_list',
  isCleanStringArray: 'invalid_list',
  isBoolean: 'invalid_yes_no',
  isIn: 'not_an_option',
  isInt: 'not_a_whole_number',
  isSingleLine: 'not_single_line',
  maxLength: 'too_long',
  minLength: 'too_short',
  min: 'too_small',
  max: 'too_large',
  arrayMaxSize: 'too_many_entries',
  arrayMinSize: 'too_few_entries',
  // The domain checks of the owning services (their inputProblems).
  knownStandard: 'unknown_standard',
  expiresAfterIssued: 'expires_before_issued',
  notSuperseded: 'superseded_status',
  usccLength: 'licence_number_length',
  usccCharacters: 'licence_number_characters',
  usccCheckCharacter: 'licence_number_check_character',
};

/** Checks with a bound, which their message states ("shorter than or equal to 200 characters"). */
const BOUNDED = new Set(['maxLength', 'minLength', 'min', 'max', 'arrayMaxSize', 'arrayMinSize']);

/**
 * The code and params of a failed check. A minimum length of one is "required" (an empty
 * cell of a required text), as the web app's field errors say it.
 */
export function ruleError(
  rule: string | undefined,
  message: string,
  value: unknown,
): { code: ImportRowErrorCode; params: ImportRowErrorParams } {
  const params: ImportRowErrorParams = {};
  if (typeof value === 'string' && value !== '') params.value = value.slice(0, 200);
  let code: ImportRowErrorCode = (rule && BY_RULE[rule]) || 'invalid';
  if (rule && BOUNDED.has(rule)) {
    const bound = /-?\d+(\.\d+)?/.exec(message);
    if (bound) params.limit = Number(bound[0]);
    if (rule === 'minLength' && (params.limit ?? 1) <= 1) {
      code = 'required';
      delete params.limit;
    }
  }
  if (code === 'not_an_option') {
    const allowed = /one of (.+)$/.exec(message);
    if (allowed) params.allowed = allowed[1];
  }
  return { code, params };
}
