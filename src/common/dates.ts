/**
 * Calendar dates are plain `YYYY-MM-DD` strings: a certificate expires on a day, not at
 * an instant. Pure functions; "today" is always passed in.
 */
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && utcOf(value) !== null;
}

/**
 * Midnight UTC of a calendar date in ms, or null when it is not one. Answers are kept:
 * a page of certificates asks for the same few dates (issue days, today, thresholds)
 * hundreds of times, and parsing them was a visible share of a list's CPU.
 */
function utcOf(date: string): number | null {
  let ms = parsed.get(date);
  if (ms === undefined) {
    ms = parseCalendarDate(date);
    if (parsed.size >= MAX_KEPT) parsed.clear();
    parsed.set(date, ms);
  }
  return ms;
}

const MAX_KEPT = 10_000;
const parsed = new Map<string, number | null>();
const formatted = new Map<number, string>();

function parseCalendarDate(value: string): number | null {
  const match = DATE_PATTERN.exec(value);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    ? date.getTime()
    : null;
}

function toUtc(date: string): number {
  const ms = utcOf(date);
  if (ms === null) throw new RangeError(`not a calendar date: ${date}`);
  return ms;
}

function fromUtc(ms: number): string {
  let date = formatted.get(ms);
  if (date === undefined) {
    date = new Date(ms).toISOString().slice(0, 10);
    if (formatted.size >= MAX_KEPT) formatted.clear();
    formatted.set(ms, date);
  }
  return date;
}

// Building an Intl.DateTimeFormat costs far more than using one, and scans ask for the
// same few timezones hundreds of thousands of times.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** The calendar date at `instant` in the IANA `timezone`. */
export function todayIn(timezone: string, instant: Date): string {
  const parts = formatterFor(timezone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function isValidTimezone(timezone: unknown): timezone is string {
  if (typeof timezone !== 'string' || timezone.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** Adds calendar months, keeping the day but clamping to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(year, month, Math.min(d, lastDay)));
}

export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

/**
 * A `date` column's value as YYYY-MM-DD: SQLite hands back the text, node-postgres a
 * Date at local midnight (so its local fields, not its UTC ones, are the date).
 */
export function calendarDateOf(value: string | Date): string {
  if (typeof value === 'string') return value.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}
