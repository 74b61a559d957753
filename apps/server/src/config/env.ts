import { resolve } from 'node:path';
import { z } from 'zod';

/** The only reader of process.env. Fails fast, listing every problem at once. */
const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** postgres://… to run on PostgreSQL ≥ 15; unset = embedded PGlite under DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL phải bắt đầu bằng postgres://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().default('./data'),
  /** First administrator's password; generated and printed once when unset. */
  ADMIN_PASSWORD: z.string().min(10, 'ADMIN_PASSWORD cần ít nhất 10 ký tự').optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Send cookies only over HTTPS (set true behind TLS). */
  SECURE_COOKIES: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /**
   * Which proxies' X-Forwarded-For to believe for the client address (sign-in rate limit, audit ip): true/false,
   * or the proxies' addresses/CIDRs separated by commas ('loopback', '10.0.0.0/8'). Trusting every proxy would let any client pick its own
   * address and escape the sign-in rate limit; the default trusts only a proxy on this machine.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .default('loopback')
    .transform((v): boolean | string => (v === 'true' ? true : v === 'false' ? false : v)),
  /** Sign-in attempts per client address per minute (brute-force protection; the account also locks). */
  SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().optional(),
  /**
   * What the first start loads (README "First start"): Hải Phòng's units, plan 54 and its targets (the default), or
   * `none` — an empty platform with only the province catalogue and the first administrator. Kept after the first start.
   */
  SEED: z.enum(['haiphong', 'none'], 'SEED phải là haiphong hoặc none').default('haiphong'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  adminPassword: string | undefined;
  sessionTtlHours: number;
  secureCookies: boolean;
  trustProxy: boolean | string;
  logLevel: string;
  webDist: string;
  signInRateLimit: number;
  seed: 'haiphong' | 'none';
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình không hợp lệ (invalid configuration):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR, 'pglite'),
    adminPassword: e.ADMIN_PASSWORD,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    secureCookies: e.SECURE_COOKIES,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    webDist: resolve(e.WEB_DIST ?? 'apps/web/dist'),
    signInRateLimit: e.SIGN_IN_RATE_LIMIT,
    seed: e.SEED,
  };
}
