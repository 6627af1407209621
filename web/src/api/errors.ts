import i18n from 'i18next';

/** The API's error shape (DESIGN.md): a status, a message, a stable code, and field problems. */
export interface FieldProblem {
  field: string;
  message: string;
  /** The validator's check that failed (isEmail, maxLength, …); absent for a domain rule. */
  rule?: string;
  limit?: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string | undefined,
    readonly details: FieldProblem[],
  ) {
    super(message);
  }

  get notFound(): boolean {
    return this.status === 404;
  }
}

interface ErrorBody {
  message?: unknown;
  code?: unknown;
  details?: unknown;
}

export function toApiError(status: number, body: unknown): ApiError {
  const b = (body && typeof body === 'object' ? body : {}) as ErrorBody;
  const details = Array.isArray(b.details)
    ? (b.details as FieldProblem[]).filter((d) => d && typeof d.field === 'string')
    : [];
  return new ApiError(
    status,
    typeof b.message === 'string' ? b.message : `HTTP ${status}`,
    typeof b.code === 'string' ? b.code : undefined,
    details,
  );
}

/** Validator checks that share one sentence. */
const RULE_KEYS: Record<string, string> = {
  isNotNull: 'required',
  isNotEmpty: 'required',
  isDefined: 'required',
  isCalendarDate: 'date',
  isIso8601: 'date',
  isDateString: 'date',
  isISO31661Alpha2: 'country',
  isCleanStringArray: 'isArray',
};

/**
 * A field problem in the reader's language: the validator's check when the API names
 * one, else the domain error's code, else the API's English text (only for English
 * readers), else "please check this field".
 */
export function fieldProblemText(problem: FieldProblem, code: string | undefined): string {
  const { t, exists, language } = i18n;
  if (problem.rule) {
    let key = RULE_KEYS[problem.rule] ?? problem.rule;
    if (key === 'minLength' && (problem.limit ?? 1) <= 1) key = 'required';
    if (key === 'arrayMinSize' && (problem.limit ?? 1) <= 1) key = 'atLeastOne';
    if (exists(`errors.fieldRules.${key}`))
      return t(`errors.fieldRules.${key}`, { limit: problem.limit });
  }
  if (code && code !== 'VALIDATION.FAILED' && exists(`errors.codes.${code}`))
    return t(`errors.codes.${code}`);
  return language === 'en' ? problem.message : t('errors.fieldRules.invalid');
}

/** Each field's first problem, by the last segment of its path (`certificate.expiresOn` → `expiresOn`). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const d of error.details) {
    const key = d.field.split('.').pop() ?? d.field;
    out[key] ??= fieldProblemText(d, error.code);
  }
  return out;
}
