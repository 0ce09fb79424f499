import path from 'node:path';
import { z } from 'zod';

/**
 * The process environment, parsed once. Nothing else in the code base reads `process.env`:
 * everything configurable is a field here, validated at start so that a typo fails loudly.
 */
const portSchema = z
  .string()
  .regex(/^\d{1,5}$/, 'must be a port number')
  .transform(Number)
  .refine((port) => port > 0 && port < 65536, 'must be between 1 and 65535');

const positiveInt = z
  .string()
  .regex(/^\d+$/, 'must be a whole number')
  .transform(Number)
  .refine((n) => n > 0, 'must be greater than 0');

const envSchema = z.object({
  PORT: portSchema.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres:\/\/|postgresql:\/\/)/, 'must start with sqlite: or postgres://')
    .optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Atrium <no-reply@localhost>'),
  ADMIN_USERNAME: z.string().min(3).max(255).default('admin'),
  ADMIN_EMAIL: z.email().default('admin@example.com'),
  ADMIN_PASSWORD: z.string().min(12, 'must have at least 12 characters').max(1024).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Comma-separated addresses or CIDRs of reverse proxies whose X-Forwarded-For is trusted. */
  TRUST_PROXY: z.string().optional(),
  /** General per-IP request budget a minute for /api. */
  RATE_LIMIT_PER_MINUTE: positiveInt.default(1200),
  /** Per-API-key request budget a minute. */
  API_KEY_RATE_LIMIT_PER_MINUTE: positiveInt.default(600),
  /**
   * Costly list requests (contains filters, counts of filtered lists, numbered pages past the
   * first) a minute per caller: an API key, or a signed-in user in an organization.
   */
  COSTLY_REQUESTS_PER_MINUTE: positiveInt.default(120),
  /** Sign-in attempts a minute from one IP address. */
  SIGN_IN_RATE_LIMIT_PER_MINUTE: positiveInt.default(60),
  /** How many password hashes may run at once; more wait in line. */
  HASH_CONCURRENCY: positiveInt.default(2),
  MAIL_WORKER: z.enum(['on', 'off']).default('on'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  admin: { username: string; email: string; password: string | undefined };
  logLevel: string;
  trustProxy: string[] | false;
  rateLimitPerMinute: number;
  apiKeyRateLimitPerMinute: number;
  costlyRequestsPerMinute: number;
  signInRateLimitPerMinute: number;
  hashConcurrency: number;
  mailWorker: boolean;
  /** True when the public origin is https: cookies get Secure and the __Host- prefix. */
  secureCookies: boolean;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; throws one ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(blankless);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const databaseUrl = e.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'atrium.db')}`;
  const database = databaseUrl.startsWith('sqlite:')
    ? ({ kind: 'sqlite', file: resolveSqliteFile(databaseUrl.slice('sqlite:'.length), dataDir) } as const)
    : ({ kind: 'postgres', url: databaseUrl } as const);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database,
    publicUrl,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    admin: { username: e.ADMIN_USERNAME, email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD },
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY
      ? e.TRUST_PROXY.split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : false,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    apiKeyRateLimitPerMinute: e.API_KEY_RATE_LIMIT_PER_MINUTE,
    costlyRequestsPerMinute: e.COSTLY_REQUESTS_PER_MINUTE,
    signInRateLimitPerMinute: e.SIGN_IN_RATE_LIMIT_PER_MINUTE,
    hashConcurrency: e.HASH_CONCURRENCY,
    mailWorker: e.MAIL_WORKER === 'on',
    secureCookies: publicUrl.startsWith('https:'),
  };
}

function resolveSqliteFile(file: string, dataDir: string): string {
  if (file === ':memory:') return file;
  // sqlite:///abs/path.db and sqlite:/abs/path.db are absolute; sqlite:rel.db is relative to DATA_DIR.
  const withoutSlashes = file.replace(/^\/\/(?=\/)/, '');
  return path.isAbsolute(withoutSlashes) ? withoutSlashes : path.resolve(dataDir, withoutSlashes);
}
