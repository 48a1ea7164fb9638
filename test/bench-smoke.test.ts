import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { buildProductOnce } from './helpers/build.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A load run's figures, as every load benchmark reports them. */
interface Run {
  rps: number;
  non_2xx: number;
}
/** A figure that needs what this machine may not have (Chromium, PostgreSQL) says why it is missing. */
type Maybe<T> = (T & { skipped?: undefined }) | { skipped: string };

/** Runs one benchmark briefly; its report's shape is the caller's to name (only the fields it reads). */
function runBench<Report>(name: string): Promise<Report> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bench/run.mjs', '--smoke', name], { cwd: root, env: { ...process.env, BENCH_DATABASE_URL: '', BENCH_MIGRATED_DATA_DIR: inject('migratedDataDir') } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`bench ${name} exited ${code}: ${stderr}`));
      const report = JSON.parse(stdout);
      expect(report.smoke).toBe(true);
      expect(report.machine.cores).toBeGreaterThan(0);
      expect(report.results).toHaveLength(1);
      resolve(report.results[0]);
    });
  });
}

// The benchmarks are not part of the suite; this brief run proves each still works end to end.
// Every benchmark runs on PGlite whatever the suite's database is (BENCH_DATABASE_URL is emptied),
// so the pass on PostgreSQL would only repeat the pass on PGlite: it is skipped there.
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('benchmarks (smoke run)', () => {
  beforeAll(() => buildProductOnce(), 300_000);

  it('cold-start and idle-memory', { timeout: 300_000 }, async () => {
    expect((await runBench<{ median_ms: number }>('cold-start')).median_ms).toBeGreaterThan(0);
    expect((await runBench<{ rss_idle_mb: number }>('idle-memory')).rss_idle_mb).toBeGreaterThan(0);
  });

  it('request-overhead', { timeout: 300_000 }, async () => {
    const overhead = await runBench<{ bare_node_http: Run; inflow: { pglite: { workspace: Run; api_keys_page: Run } } }>('request-overhead');
    expect(overhead.bare_node_http.rps).toBeGreaterThan(0);
    expect(overhead.inflow.pglite.workspace.rps).toBeGreaterThan(0);
    expect(overhead.inflow.pglite.workspace.non_2xx).toBe(0);
    expect(overhead.inflow.pglite.api_keys_page.non_2xx).toBe(0);
  });

  it('contacts-batch-upsert and contacts-import', { timeout: 300_000 }, async () => {
    const upsert = (await runBench<{ results: { pglite: { inserts: { per_second: number }; updates: { per_second: number } } } }>('contacts-batch-upsert')).results.pglite;
    expect(upsert.inserts.per_second).toBeGreaterThan(0);
    expect(upsert.updates.per_second).toBeGreaterThan(0);
    expect((await runBench<{ pglite: object }>('contacts-import')).pglite).toMatchObject({ created: 2_000, failed: 0 });
  });

  it('PostgreSQL-only figures say why they were not measured', { timeout: 300_000 }, async () => {
    expect((await runBench<{ skipped: string }>('contacts-search')).skipped).toContain('BENCH_DATABASE_URL');
    expect((await runBench<{ skipped: string }>('events-dispatch')).skipped).toContain('BENCH_DATABASE_URL');
  });

  it('forms-submit', { timeout: 300_000 }, async () => {
    const forms = (await runBench<{ results: { pglite: { closed_loop: Run; stored_equals_2xx: boolean } } }>('forms-submit')).results.pglite;
    expect(forms.closed_loop.rps).toBeGreaterThan(0);
    expect(forms.closed_loop.non_2xx).toBe(0);
    expect(forms.stored_equals_2xx).toBe(true);
  });

  it('forms-embed', { timeout: 300_000 }, async () => {
    const embed = await runBench<Maybe<{ cold: { rendered_ms: { median: number } } }> & { f_js_gzip_kb: number }>('forms-embed');
    // Without Chromium the embed figure says why it was not measured.
    if (embed.skipped !== undefined) expect(embed.skipped).toContain('Chromium');
    else expect(embed.cold.rendered_ms.median).toBeGreaterThan(0);
    expect(embed.f_js_gzip_kb).toBeGreaterThan(0);
  });

  it('pages-serve', { timeout: 300_000 }, async () => {
    const pages = await runBench<{ inflow: Run; republish_shows_new_version: boolean }>('pages-serve');
    expect(pages.inflow.rps).toBeGreaterThan(0);
    expect(pages.inflow.non_2xx).toBe(0);
    expect(pages.republish_shows_new_version).toBe(true);
  });

  it('tracking-ingest', { timeout: 300_000 }, async () => {
    const ingest = await runBench<{ bare_node_http: Run; results: { pglite: { closed_loop: Run; stored_equals_2xx: boolean } } }>('tracking-ingest');
    expect(ingest.bare_node_http.rps).toBeGreaterThan(0);
    expect(ingest.results.pglite.closed_loop.rps).toBeGreaterThan(0);
    expect(ingest.results.pglite.closed_loop.non_2xx).toBe(0);
    expect(ingest.results.pglite.stored_equals_2xx).toBe(true);
  });

  it('tracking-script', { timeout: 300_000 }, async () => {
    const script = await runBench<Maybe<{ events_stored: number; cpu_1x: { t_js_work: { pieces: number } } }> & { t_js_gzip_bytes: number }>('tracking-script');
    expect(script.t_js_gzip_bytes).toBeGreaterThan(0);
    if (script.skipped !== undefined) return expect(script.skipped).toContain('Chromium');
    expect(script.events_stored).toBeGreaterThan(0);
    expect(script.cpu_1x.t_js_work.pieces).toBeGreaterThan(0);
  });

  it('pages-lcp', { timeout: 300_000 }, async () => {
    const lcp = await runBench<Maybe<{ templates: Array<{ template: string; weight_gzip_kb: number; lcp: { desktop: { median_ms: number }; mobile: { median_ms: number } } }> }>>('pages-lcp');
    if (lcp.skipped !== undefined) return expect(lcp.skipped).toContain('Chromium');
    expect(lcp.templates).toHaveLength(2);
    for (const t of lcp.templates) expect([t.lcp.desktop.median_ms, t.lcp.mobile.median_ms, t.weight_gzip_kb].every((v) => v > 0), t.template).toBe(true);
  });
});
