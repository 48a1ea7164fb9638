// `inflow import contacts FILE.csv`: runs the import here when this process can have the
// database, or has the running server run it (as a job) and follows its progress.
import path from 'node:path';
import type { Config } from '../config.js';
import { readLock, type LockInfo } from '../db/data-dir-lock.js';
import { runImport } from '../modules/contacts/import/import-runner.js';
import { runThroughServer } from './bridge-client.js';
import { ProgressPrinter, rowsPerSecond } from './progress-bar.js';
import { openForCommand } from './serve.js';
import { importForCli, IMPORT_FLAGS, parseCommand, prepareImport } from './transfer-commands.js';
import { UsageError } from './args.js';

type CliImport = ReturnType<typeof importForCli>;
type Values = ReturnType<typeof parseCommand<typeof IMPORT_FLAGS>>['values'];

const POLL_MS = 500;
const FINISHED = new Set(['done', 'failed', 'cancelled']);

function summary(imp: CliImport, json: boolean): string {
  if (json) return `${JSON.stringify(imp)}\n`;
  const lines = [
    `import: ${imp.id}`,
    `status: ${imp.status}`,
    `file: ${imp.file_name}`,
    `rows: ${imp.rows_processed}`,
    `created: ${imp.rows_created}`,
    `updated: ${imp.rows_updated}`,
    `skipped: ${imp.rows_skipped}`,
    `failed: ${imp.rows_failed}`,
  ];
  if (imp.encoding === 'windows-1252') lines.push('encoding: windows-1252 (the file is not UTF-8)');
  if (imp.error_report_path) lines.push(`error report: ${imp.error_report_path}`);
  if (imp.error) lines.push(`error: ${imp.error}`);
  return `${lines.join('\n')}\n`;
}

function finish(imp: CliImport, values: Values): number {
  process.stdout.write(summary(imp, values.json === true));
  if (imp.status === 'cancelled') process.stderr.write(`inflow: the import stopped; resume it with: inflow import contacts --resume ${imp.id}\n`);
  return imp.status === 'done' ? 0 : 1;
}

/** The server's argv for the same command: absolute paths (the server has another working directory). */
function serverArgv(values: Values, file: string | undefined): string[] {
  const argv = ['import', 'contacts', ...(file ? [file] : []), '--detach', '--json'];
  const text = (name: string, value: string | undefined) => (value === undefined ? [] : [`--${name}=${value}`]);
  argv.push(...text('workspace', values.workspace), ...text('resume', values.resume));
  argv.push(...text('mapping', values.mapping ? path.resolve(values.mapping) : undefined));
  for (const tag of values.tag ?? []) argv.push(`--tag=${tag}`);
  for (const placeholder of values.placeholder ?? []) argv.push(`--placeholder=${placeholder}`);
  for (const flag of ['skip-existing', 'keep-existing', 'day-first', 'create-fields', 'no-new-fields'] as const) if (values[flag]) argv.push(`--${flag}`);
  return argv;
}

/**
 * Through the server that holds the embedded database: the server queues a job, and this
 * process polls `import status` for the progress bar. Ctrl-C leaves the import running there.
 */
async function viaServer(holder: LockInfo, values: Values, file: string | undefined): Promise<number> {
  const started = await runThroughServer(holder, serverArgv(values, file));
  if (started.exitCode !== 0) {
    process.stderr.write(started.stderr);
    return started.exitCode;
  }
  let imp = JSON.parse(started.stdout) as CliImport;
  const printer = new ProgressPrinter(process.stderr);
  const from = { rows: imp.rows_processed, at: Date.now() };
  let detached = false;
  const onSigint = () => {
    detached = true;
  };
  process.once('SIGINT', onSigint);
  let warnedQueued = false;
  try {
    while (!FINISHED.has(imp.status) && !detached) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const status = await runThroughServer(holder, ['import', 'status', imp.id, '--json']);
      if (status.exitCode !== 0) throw new Error(status.stderr.trim());
      imp = JSON.parse(status.stdout) as CliImport;
      if (imp.status === 'queued' && !warnedQueued && Date.now() - from.at > 10_000) {
        warnedQueued = true;
        process.stderr.write('the import is queued: the server runs it when its job worker is free (one started with --no-worker never does)\n');
      }
      printer.update({ processed: imp.rows_processed, total: imp.rows_total, rate: rowsPerSecond(imp.rows_processed - from.rows, Date.now() - from.at) });
    }
  } finally {
    process.off('SIGINT', onSigint);
  }
  if (detached) {
    process.stderr.write(`\nthe import goes on in the server: follow it with \`inflow import status ${imp.id}\`, stop it with \`inflow import cancel ${imp.id}\`\n`);
    return 130;
  }
  printer.finish({ processed: imp.rows_processed, total: imp.rows_total, rate: rowsPerSecond(imp.rows_processed - from.rows, Date.now() - from.at) });
  return finish(imp, values);
}

/** In this process, which holds the database: Ctrl-C stops after the chunk being written. */
async function inProcess(config: Config, values: Values, file: string | undefined): Promise<number> {
  const { database, lock } = await openForCommand(config, 'import');
  const controller = new AbortController();
  const onSigint = () => {
    process.stderr.write('\nstopping after the rows being written…\n');
    controller.abort();
  };
  try {
    const prepared = await prepareImport(database.db, values, file, { importDir: config.imports.dir, runHere: true });
    const printer = new ProgressPrinter(process.stderr);
    const from = { rows: prepared.rows_processed, at: Date.now() };
    const snapshot = (rows: number, total: number | null) => ({ processed: rows, total, rate: rowsPerSecond(rows - from.rows, Date.now() - from.at) });
    process.on('SIGINT', onSigint);
    const { outcome, import: result } = await runImport(database.db, prepared.workspace_id, prepared.id, {
      runner: `cli:${process.pid}`,
      // Holding the embedded database's lock, no other process can be running it.
      takeover: { force: !config.databaseUrl },
      signal: controller.signal,
      whenInterrupted: 'cancelled',
      failOnError: true,
      onProgress: (p) => printer.update(snapshot(p.rows_processed, p.rows_total)),
    });
    if (outcome === 'not_claimed') throw new UsageError(`import ${prepared.id} is ${result?.status ?? 'gone'}${result?.status === 'running' ? ' in another process' : ''}`);
    printer.finish(snapshot(result!.rows_processed, result!.rows_total));
    return finish(importForCli(result!), values);
  } finally {
    process.off('SIGINT', onSigint);
    await database.close();
    lock?.release();
  }
}

export async function importContactsCommand(argv: readonly string[], config: Config): Promise<number> {
  const { values, positionals } = parseCommand(argv, IMPORT_FLAGS, 1);
  if (values.detach) throw new UsageError('--detach is for the server side of the command');
  const file = positionals[0] ? path.resolve(positionals[0]) : undefined;
  if (!file && !values.resume) throw new UsageError('name the CSV file: inflow import contacts FILE.csv');
  if (!config.databaseUrl) {
    const holder = readLock(config.dataDir);
    if (holder?.port && holder.token) return viaServer(holder, values, file);
  }
  return inProcess(config, values, file);
}
