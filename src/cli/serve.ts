import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import type { Config } from '../config.js';
import { acquireLockAfterStopping, type DataDirLock } from '../db/data-dir-lock.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { BackgroundWork } from '../jobs.js';
import { randomToken } from '../modules/accounts/tokens.js';
import type { BootstrapResult } from '../modules/workspaces/bootstrap.js';
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

/** A bind address that means every network interface. */
const isWildcard = (host: string): boolean => host === '0.0.0.0' || host === '::' || host === '';

/** Where a CLI on this machine reaches the server: loopback for wildcard binds, else the bound address. */
function cliHost(host: string): string {
  if (!isWildcard(host)) return host;
  return host === '::' ? '::1' : '127.0.0.1';
}

/** Opens the database the config names, migrated; on PGlite with the data dir locked first. */
export async function openForCommand(
  config: Config,
  command: string,
  options: { migrate: boolean } = { migrate: true },
): Promise<{ database: Database; lock: DataDirLock | null }> {
  const lock = config.databaseUrl ? null : await acquireLockAfterStopping(config.dataDir, command);
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

type Started = { logger: Logger; lifecycle: Lifecycle; database: Database; lock: DataDirLock | null };

/**
 * The frame of a long-running command: a logger, shutdown on signals, and the database opened
 * (closed and unlocked last on stop). `body` sets up the rest; a failure undoes it all.
 */
async function runLongLived(config: Config, command: string, body: (started: Started) => Promise<void>): Promise<void> {
  const logger = pino({ level: config.logLevel, timestamp: pino.stdTimeFunctions.isoTime });
  const lifecycle = new Lifecycle(logger, config.shutdownTimeoutMs);
  try {
    const { database, lock } = await openForCommand(config, command);
    lifecycle.onStop(() => lock?.release());
    lifecycle.onStop(() => database.close());
    await body({ logger, lifecycle, database, lock });
    // Registered last, so it runs first: a restart that starts meanwhile waits for this process.
    if (lock) lifecycle.onStop(() => lock.markStopping());
  } catch (err) {
    await lifecycle.abort(err);
  }
  lifecycle.started();
}

/** The server's code, loaded while the database opens: both take about a second, and they overlap. */
function loadServerCode() {
  const loading = Promise.all([
    import('../http/app.js'),
    import('../jobs.js'),
    import('../modules/index.js'),
    import('../modules/workspaces/bootstrap.js'),
  ]);
  // Heard here too: when opening the database fails first, nobody awaits this.
  loading.catch(() => undefined);
  return loading;
}

export function serve(config: Config, options: { worker: boolean }): Promise<void> {
  const serverCode = loadServerCode();
  return runLongLived(config, 'serve', async ({ logger, lifecycle, database, lock }) => {
    const [{ buildApp }, { startWorker }, { MODULES }, { bootstrapInstall }] = await serverCode;
    const boot = await bootstrapInstall(database.db, config.bootstrap);
    if (boot.apiKeyCreated) logger.info('created the owner API key from INFLOW_ADMIN_API_KEY');
    if (boot.apiKeySkipped) logger.warn(boot.apiKeySkipped);
    let worker: BackgroundWork | null = null;
    if (options.worker && config.worker.inProcess) {
      worker = await startWorker(database, { ...config.worker, logger: logger.child({ component: 'worker' }), config });
      lifecycle.onStop(() => worker!.stop(config.shutdownTimeoutMs));
    } else if (lock) {
      // No other process can open the embedded database, so no other worker can exist.
      logger.warn('running without a job worker on the embedded database: background jobs will wait until one runs');
    }
    const cliToken = lock ? randomToken() : null;
    const app = await buildApp({
      database,
      modules: MODULES,
      config,
      version,
      webDist: webDistDir,
      loggerInstance: logger,
      extraRoutes: (instance) => {
        if (cliToken) registerCliBridge(instance, database.db, cliToken, { importDir: config.imports.dir });
      },
    });
    // Runs first on stop: no new requests, in-flight ones finish, then the worker and database.
    lifecycle.onStop(() => app.close());
    await app.listen({ port: config.port, host: config.host });
    const port = (app.server.address() as AddressInfo).port;
    if (lock && cliToken) lock.advertise({ host: cliHost(config.host), port, token: cliToken });
    const url = config.publicUrl ?? `http://localhost:${port}`;
    const address = `${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    logger.info(
      { url, address, database: database.kind, worker: worker !== null, version },
      `Inflow is ready, listening on ${address}${isWildcard(config.host) ? ' (every network interface; set HOST to choose one)' : ''}`,
    );
    announceFirstStart(boot, url);
  });
}

export function work(config: Config): Promise<void> {
  const workerCode = import('../jobs.js');
  workerCode.catch(() => undefined);
  return runLongLived(config, 'worker', async ({ logger, lifecycle, database }) => {
    const { startWorker } = await workerCode;
    const worker = await startWorker(database, { ...config.worker, logger, config });
    lifecycle.onStop(() => worker.stop(config.shutdownTimeoutMs));
    logger.info({ worker: worker.id, database: database.kind }, 'worker started');
  });
}
