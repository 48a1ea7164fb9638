import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import type { Config } from '../config.js';
import { acquireLock, type DataDirLock } from '../db/data-dir-lock.js';
import { openDatabase, type Database } from '../db/database.js';
import type { Worker } from '../db/jobs/worker.js';
import { migrateToLatest } from '../db/migrate.js';
import { buildApp } from '../http/app.js';
import { startWorker } from '../jobs.js';
import { randomToken } from '../modules/accounts/tokens.js';
import { bootstrapInstall, type BootstrapResult } from '../modules/workspaces/bootstrap.js';
import { version, webDistDir } from '../paths.js';
import { registerCliBridge } from './bridge.js';
import { Lifecycle } from './lifecycle.js';
import { databaseTarget } from './database-target.js';

function announceFirstStart(boot: BootstrapResult, url: string): void {
  if (!boot.created) return;
  const lines = [
    '',
    `  First start: created workspace "${boot.created.workspace}" and its owner.`,
    `    sign in at ${url}`,
    `    email:    ${boot.created.email}`,
    boot.created.generatedPassword
      ? `    password: ${boot.created.generatedPassword}   (generated; shown only now — change it after signing in)`
      : '    password: the one in INFLOW_ADMIN_PASSWORD',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Where a CLI on this machine reaches the server: loopback for wildcard binds, else the bound address. */
function cliHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '::1';
  return host;
}

/** Opens the database the config names, migrated; on PGlite with the data dir locked first. */
export async function openForCommand(
  config: Config,
  command: string,
  options: { migrate: boolean } = { migrate: true },
): Promise<{ database: Database; lock: DataDirLock | null }> {
  const lock = config.databaseUrl ? null : acquireLock(config.dataDir, command);
  try {
    const database = await openDatabase(databaseTarget(config));
    try {
      if (options.migrate) await migrateToLatest(database.db);
    } catch (err) {
      await database.close();
      throw err;
    }
    return { database, lock };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

export async function serve(config: Config, options: { worker: boolean }): Promise<void> {
  const logger = pino({ level: config.logLevel });
  const lifecycle = new Lifecycle(logger, config.shutdownTimeoutMs);
  try {
    const { database, lock } = await openForCommand(config, 'serve');
    lifecycle.onStop(() => lock?.release());
    lifecycle.onStop(() => database.close());
    const boot = await bootstrapInstall(database.db, config.bootstrap);
    if (boot.apiKeyCreated) logger.info('created the owner API key from INFLOW_ADMIN_API_KEY');
    if (boot.apiKeySkipped) logger.warn(boot.apiKeySkipped);
    let worker: Worker | null = null;
    if (options.worker && config.worker.inProcess) {
      worker = await startWorker(database.db, { ...config.worker, logger: logger.child({ component: 'worker' }) });
      lifecycle.onStop(() => worker!.stop(config.shutdownTimeoutMs));
    } else if (lock) {
      // No other process can open the embedded database, so no other worker can exist.
      logger.warn('running without a job worker on the embedded database: background jobs will wait until one runs');
    }
    const cliToken = lock ? randomToken() : null;
    const app = await buildApp({
      database,
      config,
      version,
      webDist: webDistDir,
      loggerInstance: logger,
      extraRoutes: (instance) => {
        if (cliToken) registerCliBridge(instance, database.db, cliToken);
      },
    });
    // Runs first on stop: no new requests, in-flight ones finish, then the worker and database.
    lifecycle.onStop(() => app.close());
    await app.listen({ port: config.port, host: config.host });
    const port = (app.server.address() as AddressInfo).port;
    if (lock && cliToken) lock.advertise(cliHost(config.host), port, cliToken);
    const url = config.publicUrl ?? `http://localhost:${port}`;
    logger.info({ url, database: database.kind, worker: worker !== null, version }, 'Inflow is ready');
    announceFirstStart(boot, url);
  } catch (err) {
    await lifecycle.abort(err);
  }
  lifecycle.started();
}

export async function work(config: Config): Promise<void> {
  const logger = pino({ level: config.logLevel });
  const lifecycle = new Lifecycle(logger, config.shutdownTimeoutMs);
  try {
    const { database, lock } = await openForCommand(config, 'worker');
    lifecycle.onStop(() => lock?.release());
    lifecycle.onStop(() => database.close());
    const worker = await startWorker(database.db, { ...config.worker, logger });
    lifecycle.onStop(() => worker.stop(config.shutdownTimeoutMs));
    logger.info({ worker: worker.id, database: database.kind }, 'worker started');
  } catch (err) {
    await lifecycle.abort(err);
  }
  lifecycle.started();
}
