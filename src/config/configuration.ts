import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { LogLevel } from '@nestjs/common';
import { registerAs } from '@nestjs/config';
import { Environment, EnvironmentError, parseEnvironment } from './environment';
import { signingSecretProblem } from './secret-strength';
import { projectRoot } from './project-root';
import { publicUrlOf } from './public-url';

export type DatabaseConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

function environment() {
  return parseEnvironment(process.env);
}

function absolute(path: string): string {
  return isAbsolute(path) ? path : resolve(projectRoot(), path);
}

export function databaseConfigFrom(url: string): DatabaseConfig {
  if (url.startsWith('sqlite:'))
    return { kind: 'sqlite', path: absolute(url.slice('sqlite:'.length)) };
  return { kind: 'postgres', url };
}

export const appConfig = registerAs('app', () => {
  const env = environment();
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    dataDir: absolute(env.DATA_DIR),
    publicUrl: publicUrlOf(env.PUBLIC_URL, env.PORT),
    runWorker: env.RUN_WORKER,
    logLevel: env.LOG_LEVEL,
    reportTimeLimitMs: env.REPORT_TIME_LIMIT_MS,
    reportCacheMs: env.REPORT_CACHE_MS,
    trustProxy: trustProxySetting(env.TRUST_PROXY),
    apiDocs: env.API_DOCS ?? env.NODE_ENV !== 'production',
  };
});

/** TRUST_PROXY as Express's `trust proxy` setting takes it. */
function trustProxySetting(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** The Nest log levels at and above LOG_LEVEL, for `NestFactory.create(..., { logger })`. */
export function logLevels(level: LogLevel = environment().LOG_LEVEL): LogLevel[] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1);
}

export const databaseConfig = registerAs('database', (): DatabaseConfig =>
  databaseConfigFrom(environment().DATABASE_URL),
);

/** How many SQLite connections serve reads of their own (SQLITE_READ_CONNECTIONS). */
export const readConnectionsConfig = registerAs('readConnections', () => ({
  sqlite: environment().SQLITE_READ_CONNECTIONS,
}));

export const redisConfig = registerAs('redis', () => {
  const env = environment();
  return { url: env.REDIS_URL, prefix: env.QUEUE_PREFIX };
});

export const mailConfig = registerAs('mail', () => {
  const env = environment();
  return {
    smtpUrl: env.SMTP_URL ?? null,
    from: env.MAIL_FROM,
    outboxDir: join(absolute(env.DATA_DIR), 'outbox'),
  };
});

export const remindersConfig = registerAs('reminders', () => {
  const env = environment();
  return {
    maxAttempts: env.REMINDER_MAX_ATTEMPTS,
    backoffMs: env.REMINDER_BACKOFF_MS,
    claimTtlMs: env.REMINDER_CLAIM_TTL_MS,
  };
});

export const registryConfig = registerAs('registry', () => {
  const env = environment();
  return {
    iafCertSearchUrl: env.IAF_CERTSEARCH_URL ?? null,
    iafCertSearchApiKey: env.IAF_CERTSEARCH_API_KEY ?? null,
    iafCertSearchTimeoutMs: env.IAF_CERTSEARCH_TIMEOUT_MS,
    /** First retry delay of a bulk verification job (doubling after each failure). */
    retryBackoffMs: env.VERIFICATION_BACKOFF_MS,
  };
});

export const documentsConfig = registerAs('documents', () => {
  const env = environment();
  return {
    dir: env.DOCUMENTS_DIR
      ? absolute(env.DOCUMENTS_DIR)
      : join(absolute(env.DATA_DIR), 'documents'),
  };
});

/** The secrets generated into DATA_DIR for development, by the variable they stand in for. */
const GENERATED_SECRET_FILES = {
  JWT_SECRET: 'jwt-secret',
  CALENDAR_FEED_SECRET: 'calendar-feed-secret',
} as const;

type SigningSecretVariable = keyof typeof GENERATED_SECRET_FILES;

function generatedSecretFile(dataDir: string, variable: SigningSecretVariable): string {
  return join(dataDir, GENERATED_SECRET_FILES[variable]);
}

/**
 * In production each signing secret (JWT_SECRET, CALENDAR_FEED_SECRET) must be set, random
 * and not one anybody else knows (a placeholder from the repository, or the development
 * secret generated in DATA_DIR). Throws an EnvironmentError of one line that names the
 * variable, never its value; JWT_SECRET is checked first.
 */
export function checkSigningSecret(env: Environment): void {
  if (env.NODE_ENV !== 'production') return;
  for (const variable of Object.keys(GENERATED_SECRET_FILES) as SigningSecretVariable[]) {
    const file = generatedSecretFile(absolute(env.DATA_DIR), variable);
    const generated = existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
    const problem = signingSecretProblem(env[variable], generated);
    if (problem)
      throw new EnvironmentError(`Invalid environment variable ${variable}: it ${problem}`);
  }
}

/**
 * A signing secret: the variable when set (always, in production: checkSigningSecret);
 * otherwise one made at first start and kept in DATA_DIR so that tokens and feed URLs
 * survive a restart of the embedded setup.
 */
function signingSecret(variable: SigningSecretVariable, env: Environment): string {
  const explicit = env[variable];
  if (explicit) return explicit;
  const dataDir = absolute(env.DATA_DIR);
  const file = generatedSecretFile(dataDir, variable);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export const authConfig = registerAs('auth', () => {
  const env = environment();
  checkSigningSecret(env);
  return {
    jwtSecret: signingSecret('JWT_SECRET', env),
    /** Signs calendar feed URLs; never the JWT secret (see CALENDAR_FEED_SECRET). */
    calendarFeedSecret: signingSecret('CALENDAR_FEED_SECRET', env),
    jwtTtl: env.JWT_TTL,
    loginRateLimit: env.LOGIN_RATE_LIMIT,
    addressRateLimit: env.AUTH_ADDRESS_RATE_LIMIT,
    invitationTtlDays: 7,
  };
});

export const observabilityConfig = registerAs('observability', () => {
  const env = environment();
  return {
    logFormat: env.LOG_FORMAT ?? (env.NODE_ENV === 'production' ? 'json' : 'text'),
    logLevel: env.LOG_LEVEL,
    metricsToken: env.METRICS_TOKEN ?? null,
    metricsPort: env.METRICS_PORT ?? null,
    /** In production /metrics needs its token (or its own port); elsewhere it is open. */
    metricsOpen: env.NODE_ENV !== 'production',
  };
});

export const allConfigs = [
  observabilityConfig,
  appConfig,
  databaseConfig,
  readConnectionsConfig,
  redisConfig,
  mailConfig,
  remindersConfig,
  registryConfig,
  authConfig,
  documentsConfig,
];

export type AppConfig = ReturnType<typeof appConfig>;
export type ObservabilityConfig = ReturnType<typeof observabilityConfig>;
