import path from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  port: number;
  host: string;
  publicUrl: string | null;
  databaseUrl: string | null;
  databasePoolSize: number;
  dataDir: string;
  /** PGlite's shared_buffers in MB: WASM memory that is touched at start and never given back. */
  pgliteSharedBuffersMb: number;
  /** Below this much free space under the data dir (PGlite) or the import dir, writes are refused. */
  diskReserveMb: number;
  logLevel: LogLevel;
  /** Fastify's trustProxy: false, true (any hop), a hop count, or the proxies' addresses/CIDRs. */
  trustProxy: boolean | number | string[];
  worker: { inProcess: boolean; concurrency: number; pollMs: number };
  shutdownTimeoutMs: number;
  /** Contact imports: where uploaded files and error reports are kept, and the largest upload. */
  imports: { dir: string; maxBytes: number; quotaBytes: number };
  /** Domain events: how many days the log keeps an event that every subscriber has handled. */
  events: { retentionDays: number };
  /** Forms: hard submissions per client IP and minute on the submit route (0: no limit). */
  forms: { submitsPerIpPerMinute: number };
  /**
   * Tracking: batches of events per client IP and minute on `POST /public/events` (0: no limit),
   * and how many batches may wait for the database before more are answered 503.
   */
  tracking: { batchesPerIpPerMinute: number; maxQueue: number };
  /** Gated downloads: the largest file an asset may be, and how long a download link works. */
  assets: { maxBytes: number; linkTtlHours: number };
  bootstrap: {
    workspaceSlug: string;
    adminEmail: string | null;
    adminPassword: string | null;
    adminApiKey: string | null;
  };
}

export class ConfigError extends Error {}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = optional(env, name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = optional(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

/** Unset and empty are the same: a variable set to nothing takes its default. */
function optional(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = env[name]?.trim();
  return raw ? raw : null;
}

function url(env: NodeJS.ProcessEnv, name: string, protocols: string[]): string | null {
  const raw = optional(env, name);
  if (raw === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

/** Reads the environment once; every other module receives the typed result. */
function trustProxy(env: NodeJS.ProcessEnv): Config['trustProxy'] {
  const raw = optional(env, 'INFLOW_TRUST_PROXY');
  if (raw === null) return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  if (/^(true|false|yes|no|on|off|1|0)$/i.test(raw)) return flag(env, 'INFLOW_TRUST_PROXY', false);
  const list = raw.split(',').map((part) => part.trim()).filter(Boolean);
  if (list.some((part) => !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(part))) {
    throw new ConfigError('INFLOW_TRUST_PROXY must be true, false, a hop count, or a comma list of proxy addresses/CIDRs');
  }
  return list;
}

// PostgreSQL's default (128 MB) is resident from the start inside PGlite's WASM memory, which
// never shrinks: 32 MB keeps an idle server about 130 MB smaller, and the operating system's
// file cache still holds what the buffers do not.
export const PGLITE_SHARED_BUFFERS_MB = 32;

// PostgreSQL starts a new 16 MB WAL segment when one fills, and a checkpoint needs room too:
// four segments' worth keeps the embedded database clear of a full disk.
export const DISK_RESERVE_MB = 64;

/** The import files (uploads, error reports) a workspace may keep on the server's disk. */
export const IMPORT_QUOTA_MB = 5 * 1024;

/** The largest asset by default: 50 MB, stored in the database in chunks. */
export const ASSET_MAX_BYTES = 50 * 2 ** 20;

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const logLevel = (optional(env, 'LOG_LEVEL') ?? 'info').toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  }
  const workspaceSlug = optional(env, 'INFLOW_WORKSPACE') ?? 'default';
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(workspaceSlug)) {
    throw new ConfigError('INFLOW_WORKSPACE must be a slug: lower-case letters, digits and dashes');
  }
  const adminApiKey = optional(env, 'INFLOW_ADMIN_API_KEY');
  if (adminApiKey !== null && adminApiKey.length < 16) {
    throw new ConfigError('INFLOW_ADMIN_API_KEY must be at least 16 characters');
  }
  const adminEmail = optional(env, 'INFLOW_ADMIN_EMAIL')?.toLowerCase() ?? null;
  if (adminEmail !== null && !EMAIL.test(adminEmail)) throw new ConfigError('INFLOW_ADMIN_EMAIL is not a valid email address');
  // Passwords are taken exactly as given: spaces may be part of them.
  const adminPassword = env.INFLOW_ADMIN_PASSWORD ? env.INFLOW_ADMIN_PASSWORD : null;
  if (adminPassword !== null && adminPassword.length < 8) {
    throw new ConfigError('INFLOW_ADMIN_PASSWORD must be at least 8 characters');
  }
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: optional(env, 'HOST') ?? '0.0.0.0',
    publicUrl: url(env, 'PUBLIC_URL', ['http:', 'https:']),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 1000),
    dataDir: path.resolve(optional(env, 'INFLOW_DATA_DIR') ?? './data'),
    pgliteSharedBuffersMb: integer(env, 'INFLOW_PGLITE_SHARED_BUFFERS_MB', PGLITE_SHARED_BUFFERS_MB, 1, 4096),
    diskReserveMb: integer(env, 'INFLOW_DISK_RESERVE_MB', DISK_RESERVE_MB, 0, 1024 * 1024),
    logLevel,
    trustProxy: trustProxy(env),
    worker: {
      inProcess: flag(env, 'INFLOW_WORKER', true),
      concurrency: integer(env, 'INFLOW_WORKER_CONCURRENCY', 4, 1, 256),
      pollMs: integer(env, 'INFLOW_WORKER_POLL_MS', 500, 10, 60_000),
    },
    shutdownTimeoutMs: integer(env, 'INFLOW_SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    imports: {
      // With several servers and workers this must be storage they all see (the file is read by
      // whichever worker runs the import).
      dir: path.resolve(optional(env, 'INFLOW_IMPORT_DIR') ?? path.join(optional(env, 'INFLOW_DATA_DIR') ?? './data', 'imports')),
      maxBytes: integer(env, 'INFLOW_IMPORT_MAX_BYTES', 1024 ** 3, 1, 1024 ** 4),
      quotaBytes: integer(env, 'INFLOW_IMPORT_QUOTA_MB', IMPORT_QUOTA_MB, 1, 1024 ** 3) * 2 ** 20,
    },
    events: { retentionDays: integer(env, 'INFLOW_EVENT_RETENTION_DAYS', 30, 1, 3650) },
    forms: { submitsPerIpPerMinute: integer(env, 'INFLOW_FORMS_IP_LIMIT', 60, 0, 1_000_000) },
    tracking: { batchesPerIpPerMinute: integer(env, 'INFLOW_TRACKING_IP_LIMIT', 1_200, 0, 1_000_000), maxQueue: integer(env, 'INFLOW_TRACKING_MAX_QUEUE', 5_000, 1, 1_000_000) },
    assets: {
      maxBytes: integer(env, 'INFLOW_ASSET_MAX_BYTES', ASSET_MAX_BYTES, 1, 1024 ** 3),
      linkTtlHours: integer(env, 'INFLOW_ASSET_LINK_TTL_HOURS', 7 * 24, 1, 24 * 366),
    },
    bootstrap: {
      workspaceSlug,
      adminEmail,
      adminPassword,
      adminApiKey,
    },
  };
}
