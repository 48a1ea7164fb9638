import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has working defaults for a fresh machine', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: null,
      dataDir: path.resolve('data'),
      logLevel: 'info',
      trustProxy: false,
      worker: { inProcess: true, concurrency: 4 },
      bootstrap: { workspaceSlug: 'default', adminEmail: null, adminPassword: null, adminApiKey: null },
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: '', INFLOW_WORKSPACE: '', DATABASE_URL: ' ' })).toMatchObject({
      port: 3000,
      logLevel: 'info',
      databaseUrl: null,
      bootstrap: { workspaceSlug: 'default' },
    });
  });

  it('reads every documented variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      PUBLIC_URL: 'https://leads.example.com',
      DATABASE_URL: 'postgres://u:p@db:5432/inflow',
      DATABASE_POOL_SIZE: '20',
      INFLOW_DATA_DIR: '/var/lib/inflow',
      LOG_LEVEL: 'WARN',
      INFLOW_TRUST_PROXY: '2',
      INFLOW_WORKER: 'off',
      INFLOW_WORKER_CONCURRENCY: '8',
      INFLOW_WORKER_POLL_MS: '250',
      INFLOW_SHUTDOWN_TIMEOUT_MS: '5000',
      INFLOW_WORKSPACE: 'acme',
      INFLOW_ADMIN_EMAIL: 'Ops@Example.com',
      INFLOW_ADMIN_PASSWORD: ' spaced secret ',
      INFLOW_ADMIN_API_KEY: 'inf_0123456789abcdef',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      publicUrl: 'https://leads.example.com',
      databaseUrl: 'postgres://u:p@db:5432/inflow',
      databasePoolSize: 20,
      dataDir: '/var/lib/inflow',
      logLevel: 'warn',
      trustProxy: 2,
      worker: { inProcess: false, concurrency: 8, pollMs: 250 },
      shutdownTimeoutMs: 5000,
      bootstrap: { workspaceSlug: 'acme', adminEmail: 'ops@example.com', adminPassword: ' spaced secret ', adminApiKey: 'inf_0123456789abcdef' },
    });
  });

  it('accepts proxy addresses for INFLOW_TRUST_PROXY', () => {
    expect(loadConfig({ INFLOW_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ INFLOW_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be an integer'],
    [{ PORT: '70000' }, 'PORT must be an integer between 0 and 65535'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must start with postgres:// or postgresql://'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL is not a valid URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    [{ INFLOW_WORKSPACE: 'Acme Inc' }, 'INFLOW_WORKSPACE must be a slug'],
    [{ INFLOW_ADMIN_EMAIL: 'admin' }, 'INFLOW_ADMIN_EMAIL is not a valid email address'],
    [{ INFLOW_ADMIN_PASSWORD: 'short' }, 'INFLOW_ADMIN_PASSWORD must be at least 8 characters'],
    [{ INFLOW_ADMIN_API_KEY: 'short' }, 'INFLOW_ADMIN_API_KEY must be at least 16 characters'],
    [{ INFLOW_WORKER: 'maybe' }, 'INFLOW_WORKER must be true or false'],
    [{ INFLOW_TRUST_PROXY: 'everyone' }, 'INFLOW_TRUST_PROXY must be'],
    [{ INFLOW_IMPORT_MAX_BYTES: '1GB' }, 'INFLOW_IMPORT_MAX_BYTES must be an integer'],
  ])('rejects %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('keeps imports in the data dir unless told otherwise, up to 1 GiB per upload and 5 GiB per workspace', () => {
    expect(loadConfig({ INFLOW_DATA_DIR: '/srv/inflow' }).imports).toEqual({ dir: '/srv/inflow/imports', maxBytes: 1024 ** 3, quotaBytes: 5 * 1024 ** 3 });
    expect(loadConfig({ INFLOW_IMPORT_DIR: '/mnt/shared/imports', INFLOW_IMPORT_MAX_BYTES: '1000', INFLOW_IMPORT_QUOTA_MB: '10' }).imports).toEqual({
      dir: '/mnt/shared/imports',
      maxBytes: 1000,
      quotaBytes: 10 * 2 ** 20,
    });
  });

  it('keeps 64 MB free under the data dir and 32 MB of PGlite buffers unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ diskReserveMb: 64, pgliteSharedBuffersMb: 32 });
    expect(loadConfig({ INFLOW_DISK_RESERVE_MB: '0', INFLOW_PGLITE_SHARED_BUFFERS_MB: '128' })).toMatchObject({ diskReserveMb: 0, pgliteSharedBuffersMb: 128 });
    expect(() => loadConfig({ INFLOW_PGLITE_SHARED_BUFFERS_MB: '0' })).toThrow(/INFLOW_PGLITE_SHARED_BUFFERS_MB/);
  });
});
