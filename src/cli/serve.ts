import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
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

/** Opens the database the config names, migrated; on PGlite with the data dir locked first. */
export async function openForCommand(config: Config, command: string): Promise<{ database: Database; lock: DataDirLock | null }> {
  const lock = config.databaseUrl ? null : acquireLock(config.dataDir, command);
  try {
    const database = await openDatabase(databaseTarget(config));
    await migrateToLatest(database.db);
    return { database, lock };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

function onSignals(logger: Logger, stop: () => Promise<void>, timeoutMs: number): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests and jobs');
    const force = setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, timeoutMs + 2_000);
    force.unref();
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => handler('SIGTERM'));
  process.on('SIGINT', () => handler('SIGINT'));
}

export async function serve(config: Config, options: { worker: boolean }): Promise<void> {
  const logger = pino({ level: config.logLevel });
  const { database, lock } = await openForCommand(config, 'serve');
  const boot = await bootstrapInstall(database.db, config.bootstrap);
  if (boot.apiKeyCreated) logger.info('created the owner API key from INFLOW_ADMIN_API_KEY');
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
  await app.listen({ port: config.port, host: config.host });
  const port = (app.server.address() as AddressInfo).port;
  if (lock && cliToken) lock.advertise(port, cliToken);
  const url = config.publicUrl ?? `http://localhost:${port}`;
  let worker: Worker | null = null;
  if (options.worker && config.worker.inProcess) {
    worker = await startWorker(database.db, { ...config.worker, logger: logger.child({ component: 'worker' }) });
  }
  logger.info({ url, database: database.kind, worker: worker !== null, version }, 'Inflow is ready');
  announceFirstStart(boot, url);

  onSignals(
    logger,
    async () => {
      await app.close();
      await worker?.stop(config.shutdownTimeoutMs);
      await database.close();
      lock?.release();
    },
    config.shutdownTimeoutMs,
  );
}

export async function work(config: Config): Promise<void> {
  const logger = pino({ level: config.logLevel });
  const { database, lock } = await openForCommand(config, 'worker');
  const worker = await startWorker(database.db, { ...config.worker, logger });
  logger.info({ worker: worker.id, database: database.kind }, 'worker started');
  onSignals(
    logger,
    async () => {
      await worker.stop(config.shutdownTimeoutMs);
      await database.close();
      lock?.release();
    },
    config.shutdownTimeoutMs,
  );
}
