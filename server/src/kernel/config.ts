/** Runtime configuration, read once from the environment. Every variable is documented in the README. */
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server URL; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | null;
  dataDir: string;
  adminPassword: string | null;
  /** Load demo data on first start with an empty embedded database. */
  demo: boolean;
  /** Largest accepted upload (imports), bytes. */
  uploadLimitBytes: number;
  /** Largest accepted attachment (evidence, visit photos), bytes. */
  attachmentLimitBytes: number;
  /** Largest accepted JSON body, bytes. */
  bodyLimitBytes: number;
  sessionTtlHours: number;
  /**
   * Sign-in attempts per minute from one address (with per-account lockout besides). An office
   * whose staff all come through one NAT address may need more.
   */
  signInPerMinute: number;
  /** Open311 POST requests per minute for one API key, and for one address (0 = no limit). */
  open311PostsPerMinute: number;
  /** Appeals a citizen may send from one address per minute on the public form (floods are refused). */
  publicAppealsPerMinute: number;
  /** Status lookups (number + phone) from one address per minute: guessing numbers is slowed down. */
  publicLookupsPerMinute: number;
  /** How long dashboard figures may be reused for the same question and data scope (0 = always computed afresh). */
  dashboardCacheSeconds: number;
  /** Behind HTTPS: mark cookies Secure. */
  secureCookies: boolean;
  logLevel: string;
  /** Time zone of "today" for dates and time limits. */
  timeZone: string;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`环境变量 ${name} 必须是非负整数 / ${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFromEnv(env, 'PORT', 3000),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    dataDir: path.resolve(env.HUIMIN_DATA_DIR || './data'),
    adminPassword: env.HUIMIN_ADMIN_PASSWORD || null,
    demo: env.HUIMIN_DEMO !== '0',
    uploadLimitBytes: intFromEnv(env, 'HUIMIN_UPLOAD_LIMIT_MB', 50) * 1024 * 1024,
    attachmentLimitBytes: intFromEnv(env, 'HUIMIN_ATTACHMENT_LIMIT_MB', 10) * 1024 * 1024,
    bodyLimitBytes: intFromEnv(env, 'HUIMIN_BODY_LIMIT_KB', 1024) * 1024,
    sessionTtlHours: intFromEnv(env, 'HUIMIN_SESSION_HOURS', 12),
    signInPerMinute: intFromEnv(env, 'HUIMIN_SIGN_IN_PER_MINUTE', 20),
    open311PostsPerMinute: intFromEnv(env, 'HUIMIN_OPEN311_POSTS_PER_MINUTE', 30),
    publicAppealsPerMinute: intFromEnv(env, 'HUIMIN_PUBLIC_APPEALS_PER_MINUTE', 5),
    publicLookupsPerMinute: intFromEnv(env, 'HUIMIN_PUBLIC_LOOKUPS_PER_MINUTE', 30),
    dashboardCacheSeconds: intFromEnv(env, 'HUIMIN_DASHBOARD_CACHE_SECONDS', 60),
    secureCookies: env.HUIMIN_SECURE_COOKIES === '1',
    logLevel: env.LOG_LEVEL || 'warn',
    timeZone: env.HUIMIN_TIMEZONE || 'Asia/Shanghai',
  };
}
