// Figure: cold start of `npm start` on an existing data dir to a 200 from /healthz, under 3 s.
import fs from 'node:fs';
import { freePort, start, stop, migratedDataDir, waitForHealth } from './lib.mjs';

export default async function coldStart({ runs = 5 } = {}) {
  const dataDir = migratedDataDir('inflow-bench-start-');
  const env = { INFLOW_DATA_DIR: dataDir, INFLOW_ADMIN_PASSWORD: 'bench-password', LOG_LEVEL: 'warn', DATABASE_URL: '' };
  // The first start creates and migrates the database; it is not what the figure is about.
  const port = await freePort();
  const first = start('npm', ['start', '--silent'], { ...env, PORT: String(port) });
  await waitForHealth(`http://127.0.0.1:${port}`, 120_000, 20, first);
  await stop(first.child);

  const samples = [];
  for (let i = 0; i < runs; i++) {
    const p = await freePort();
    const began = performance.now();
    const run = start('npm', ['start', '--silent'], { ...env, PORT: String(p) });
    await waitForHealth(`http://127.0.0.1:${p}`, 30_000, 5, run);
    samples.push(Math.round(performance.now() - began));
    await stop(run.child);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return {
    name: 'cold-start',
    what: '`npm start` on an existing PGlite data dir until GET /healthz answers 200',
    runs,
    samples_ms: samples,
    median_ms: median,
    max_ms: sorted[sorted.length - 1],
    limit_ms: 3000,
    pass: sorted[sorted.length - 1] < 3000,
  };
}
