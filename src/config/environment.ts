import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import {
  getMetadataStorage,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return value;
};
const emptyToUndefined = ({ value }: { value: unknown }): unknown =>
  value === '' ? undefined : value;

/**
 * Every environment variable the program reads, with its default. Nothing outside
 * src/config reads process.env: the rest of the code receives typed config objects.
 * Optional variables are initialized to undefined so that they are own keys of an
 * instance: parseEnvironment keeps only the keys of `new Environment()`.
 */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt({ message: 'PORT must be an integer between 1 and 65535' })
  @Min(1, { message: 'PORT must be an integer between 1 and 65535' })
  @Max(65535, { message: 'PORT must be an integer between 1 and 65535' })
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @Matches(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, {
    message: 'DATABASE_URL must be sqlite:<path> or a postgres:// URL',
  })
  DATABASE_URL = 'sqlite:data/certpact.sqlite';

  /**
   * SQLite only: connections of their own for the API's hot reads (lists, details, the
   * signed-in user), so that they run side by side (WAL allows it) instead of queueing
   * on the one connection that writes. 0 reads on the writing connection.
   */
  @Transform(toInt)
  @IsInt({ message: 'SQLITE_READ_CONNECTIONS must be a whole number' })
  @Min(0, { message: 'SQLITE_READ_CONNECTIONS must be 0 or more' })
  SQLITE_READ_CONNECTIONS = 2;

  @IsString()
  @MinLength(1)
  DATA_DIR = 'data';

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @IsString()
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'QUEUE_PREFIX may hold letters, digits, _ and - only' })
  QUEUE_PREFIX = 'certpact';

  @Transform(toBool)
  @IsBoolean({ message: 'RUN_WORKER must be true or false' })
  RUN_WORKER = true;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string = undefined;

  @IsString()
  @MinLength(3)
  MAIL_FROM = 'certpact <reminders@certpact.local>';

  /** Where mailed links point; unset, http://localhost:<PORT>. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'PUBLIC_URL must be an http:// or https:// URL' })
  PUBLIC_URL?: string = undefined;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET?: string = undefined;

  /**
   * Signs the calendar feed URLs, which live for months in people's calendar apps: its own
   * secret, so that rotating JWT_SECRET (ending every session) leaves the feeds working, and
   * a leaked feed URL says nothing about the key that signs access tokens.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'CALENDAR_FEED_SECRET must be at least 32 characters long' })
  CALENDAR_FEED_SECRET?: string = undefined;

  @Matches(/^\d+[smhd]$/, { message: 'JWT_TTL must look like 30m, 12h or 7d' })
  JWT_TTL = '12h';

  /** Login, sign-up, reset and invitation attempts per minute for one email (or token). */
  @Transform(toInt)
  @IsInt({ message: 'LOGIN_RATE_LIMIT must be a whole number of attempts per minute' })
  @Min(1, { message: 'LOGIN_RATE_LIMIT must be at least 1' })
  LOGIN_RATE_LIMIT = 10;

  /** The same attempts per minute from one client address, whatever the emails. */
  @Transform(toInt)
  @IsInt({ message: 'AUTH_ADDRESS_RATE_LIMIT must be a whole number of attempts per minute' })
  @Min(1, { message: 'AUTH_ADDRESS_RATE_LIMIT must be at least 1' })
  AUTH_ADDRESS_RATE_LIMIT = 30;

  @Transform(toInt)
  @IsInt({ message: 'REMINDER_MAX_ATTEMPTS must be a whole number' })
  @Min(1, { message: 'REMINDER_MAX_ATTEMPTS must be at least 1' })
  @Max(50, { message: 'REMINDER_MAX_ATTEMPTS must be at most 50' })
  REMINDER_MAX_ATTEMPTS = 5;

  @Transform(toInt)
  @IsInt({ message: 'REMINDER_BACKOFF_MS must be a whole number of milliseconds' })
  @Min(0, { message: 'REMINDER_BACKOFF_MS must not be negative' })
  REMINDER_BACKOFF_MS = 30000;

  /**
   * How long a sender holds a digest's rows while it mails them. A sender killed mid-send
   * loses them after this; it must be well above the SMTP time-out.
   */
  @Transform(toInt)
  @IsInt({ message: 'REMINDER_CLAIM_TTL_MS must be a whole number of milliseconds' })
  @Min(1000, { message: 'REMINDER_CLAIM_TTL_MS must be at least 1000' })
  REMINDER_CLAIM_TTL_MS = 600000;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'IAF_CERTSEARCH_URL must be an http:// or https:// URL' })
  IAF_CERTSEARCH_URL?: string = undefined;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  IAF_CERTSEARCH_API_KEY?: string = undefined;

  @Transform(toInt)
  @IsInt({ message: 'IAF_CERTSEARCH_TIMEOUT_MS must be a whole number of milliseconds' })
  @Min(100, { message: 'IAF_CERTSEARCH_TIMEOUT_MS must be at least 100' })
  @Max(120000, { message: 'IAF_CERTSEARCH_TIMEOUT_MS must be at most 120000' })
  IAF_CERTSEARCH_TIMEOUT_MS = 10000;

  @Transform(toInt)
  @IsInt({ message: 'VERIFICATION_BACKOFF_MS must be a whole number of milliseconds' })
  @Min(0, { message: 'VERIFICATION_BACKOFF_MS must not be negative' })
  VERIFICATION_BACKOFF_MS = 5000;

  /** Where uploaded certificate documents are stored; DATA_DIR/documents when unset. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  DOCUMENTS_DIR?: string;

  /** How long a report route (gaps, signals, coverage, evidence pack) may run before it answers 503. */
  @Transform(toInt)
  @IsInt({ message: 'REPORT_TIME_LIMIT_MS must be a whole number of milliseconds' })
  @Min(100, { message: 'REPORT_TIME_LIMIT_MS must be at least 100' })
  REPORT_TIME_LIMIT_MS = 10000;

  /**
   * How long an answer (gaps, signals, a certificate page, the signed-in actor) is kept in
   * memory at most. It is handed out only while no process has written since (see
   * ReportCache), so this bounds memory, not staleness. 0 computes every answer afresh.
   */
  @Transform(toInt)
  @IsInt({ message: 'REPORT_CACHE_MS must be a whole number of milliseconds' })
  @Min(0, { message: 'REPORT_CACHE_MS must be 0 or more' })
  REPORT_CACHE_MS = 300_000;

  /** `json`: one JSON object a line (pino), with a request id; `text`: Nest's console lines. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['json', 'text'], { message: 'LOG_FORMAT must be json or text' })
  LOG_FORMAT?: 'json' | 'text' = undefined;

  /** Bearer token for GET /metrics; in production /metrics answers 404 without one. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters long' })
  METRICS_TOKEN?: string = undefined;

  /** Serve /metrics on this port of its own (also in the worker), off the public one. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'METRICS_PORT must be an integer between 1 and 65535' })
  @Min(1, { message: 'METRICS_PORT must be an integer between 1 and 65535' })
  @Max(65535, { message: 'METRICS_PORT must be an integer between 1 and 65535' })
  METRICS_PORT?: number = undefined;

  /**
   * Which proxies in front may tell the client's address (X-Forwarded-For) and scheme:
   * `loopback` (a proxy on the same host), `false`, a number of hops, or addresses and
   * subnets separated by commas (`10.0.0.0/8, 192.168.1.10`). Throttling keys on it.
   */
  @Matches(/^(true|false|\d{1,2}|[0-9A-Za-z.:/_-]+(\s*,\s*[0-9A-Za-z.:/_-]+)*)$/, {
    message:
      'TRUST_PROXY must be true, false, a number of hops, or addresses and subnets separated by commas',
  })
  TRUST_PROXY = 'loopback';

  /** Serve the API documentation (/api/docs); off in production unless set to true. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'API_DOCS must be true or false' })
  API_DOCS?: boolean = undefined;

  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';
}

export class EnvironmentError extends Error {}

/** Never printed, not even when they are wrong: the log would leak them. */
const SECRET_VARIABLES = new Set([
  'JWT_SECRET',
  'CALENDAR_FEED_SECRET',
  'METRICS_TOKEN',
  'IAF_CERTSEARCH_API_KEY',
]);

/** Validates the raw environment; throws an EnvironmentError whose message is one line per bad variable. */
export function parseEnvironment(raw: Record<string, string | undefined>): Environment {
  // Every decorated property, including optional ones without a default (SMTP_URL,
  // JWT_SECRET...), which `Object.keys(new Environment())` would miss: those were dropped
  // unread and unvalidated.
  const known = new Set([
    ...Object.keys(new Environment()),
    ...getMetadataStorage()
      .getTargetValidationMetadatas(Environment, '', true, false)
      .map((metadata) => metadata.propertyName),
  ]);
  const defined = Object.fromEntries(
    Object.entries(raw).filter(([key, value]) => value !== undefined && known.has(key)),
  );
  const env = plainToInstance(Environment, defined, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map((error) => {
      const message = Object.values(error.constraints ?? {})[0] ?? 'is invalid';
      const shown = SECRET_VARIABLES.has(error.property)
        ? 'value not shown'
        : `got ${JSON.stringify(String(raw[error.property] ?? ''))}`;
      return `Invalid environment variable ${error.property}: ${message} (${shown})`;
    });
    throw new EnvironmentError(lines.join('\n'));
  }
  return env;
}
