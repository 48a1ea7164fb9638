// Figure: the contact.created events of a 100,000-row import reach a subscriber in under 10 s
// after the import ends, on PostgreSQL, and publishing them slows the import by at most 15 %.
// Each run imports the same seeded file three times, each into a fresh database, through the
// real CLI:
//   - by the build of the commit before domain events existed (BENCH_BASELINE_DIR, a built
//     checkout): the import without events;
//   - by this build with no dispatcher running: what publishing costs the import;
//   - by this build while a dispatcher in this process (as `inflow serve` runs one) delivers to a
//     subscriber: when the last event arrives, counted from the end of the import. On two cores
//     the dispatcher's own work competes with the import's, so this import's time is reported
//     too, beside the verdict.
// Medians of five runs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { writeCsv } from './contacts-import.mjs';
import { root, tempDir } from './lib.mjs';

async function admin(url, statement) {
  const parsed = new URL(url);
  parsed.pathname = '/postgres';
  const client = new pg.Client({ connectionString: parsed.toString() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function withDatabase(url, name) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

function inflow(checkout, args, env) {
  const began = performance.now();
  const result = spawnSync(process.execPath, [path.join(checkout, 'bin/inflow.js'), ...args], { env: { ...process.env, LOG_LEVEL: 'warn', INFLOW_WORKER: 'false', ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`inflow ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return { seconds: (performance.now() - began) / 1000, stdout: result.stdout };
}

/** One import into a fresh database by the given checkout; with `deliver`, events are delivered meanwhile. */
async function importOnce(checkout, serverUrl, file, total, deliver) {
  const name = `inflow_bench_events_${process.pid}_${Math.floor(performance.now())}`;
  await admin(serverUrl, `create database ${name}`);
  const url = withDatabase(serverUrl, name);
  const dir = tempDir('inflow-bench-events-');
  const env = { DATABASE_URL: url, INFLOW_DATA_DIR: dir };
  try {
    inflow(checkout, ['migrate'], env);
    inflow(checkout, ['user', 'create', '--email', 'bench@example.com', '--password', 'bench-password', '--workspace', 'bench'], env);
    const delivery = deliver ? await startDelivery(url, total) : null;
    const run = inflow(checkout, ['import', 'contacts', file, '--workspace', 'bench', '--json'], env);
    const importEnded = performance.now();
    const summary = JSON.parse(run.stdout.trim().split('\n').pop());
    if (summary.status !== 'done' || summary.rows_created !== total) throw new Error(`import ended ${summary.status} with ${summary.rows_created} created`);
    const result = { import_seconds: Number(run.seconds.toFixed(2)) };
    if (delivery) {
      const lastHandledAt = await delivery.done;
      result.delivered = delivery.count();
      result.seconds_after_import = Number((Math.max(0, lastHandledAt - importEnded) / 1000).toFixed(2));
      await delivery.stop();
    }
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await admin(serverUrl, `drop database if exists ${name} with (force)`);
  }
}

/** A dispatcher in this process with one subscriber counting contact.created events. */
async function startDelivery(url, total) {
  const { openDatabase } = await import(path.join(root, 'dist/db/database.js'));
  const { EventDispatcher } = await import(path.join(root, 'dist/events/dispatcher.js'));
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
  let count = 0;
  let finish;
  const done = new Promise((resolve) => (finish = resolve));
  const dispatcher = new EventDispatcher(database, [
    {
      name: 'bench.count_created',
      kinds: ['contact.created'],
      handle: async (events) => {
        count += events.length;
        if (count >= total) finish(performance.now());
      },
    },
  ]);
  await dispatcher.start();
  return {
    done,
    count: () => count,
    stop: async () => {
      await dispatcher.stop();
      await database.close();
    },
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export default async function eventsDispatch({ total = 100_000, runs = 5 } = {}) {
  const out = { name: 'events-dispatch', what: `contact.created events of a ${total.toLocaleString('en')}-row CSV import (CLI) delivered to a subscriber; import time against the build before domain events` };
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) return { ...out, pass: null, skipped: 'needs BENCH_DATABASE_URL (PostgreSQL)' };
  const dir = tempDir('inflow-bench-events-csv-');
  const file = path.join(dir, 'contacts.csv');
  try {
    await writeCsv(file, total);
    const baseline = process.env.BENCH_BASELINE_DIR || null;
    const delivered = [];
    const published = [];
    const before = [];
    for (let i = 0; i < runs; i++) {
      if (baseline) before.push(await importOnce(baseline, serverUrl, file, total, false));
      published.push(await importOnce(root, serverUrl, file, total, false));
      delivered.push(await importOnce(root, serverUrl, file, total, true));
    }
    const afterImport = median(delivered.map((r) => r.seconds_after_import));
    const importSeconds = median(published.map((r) => r.import_seconds));
    const deliveringSeconds = median(delivered.map((r) => r.import_seconds));
    const baselineSeconds = baseline ? median(before.map((r) => r.import_seconds)) : null;
    const ratio = (seconds) => (baselineSeconds ? Number((seconds / baselineSeconds - 1).toFixed(3)) : null);
    const slowdown = ratio(importSeconds);
    return {
      ...out,
      rows: total,
      baseline_runs: before,
      publishing_runs: published,
      delivering_runs: delivered,
      delivery_seconds_after_import: afterImport,
      limit_seconds: 10,
      baseline_import_seconds: baselineSeconds,
      import_seconds: importSeconds,
      import_slowdown: slowdown,
      limit_slowdown: 0.15,
      import_seconds_while_delivering: deliveringSeconds,
      import_slowdown_while_delivering: ratio(deliveringSeconds),
      pass: afterImport < 10 && (slowdown === null || slowdown <= 0.15),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
