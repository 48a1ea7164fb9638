import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { buildProductOnce } from './helpers/build.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function runBench(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bench/run.mjs', '--smoke'], { cwd: root, env: { ...process.env, BENCH_DATABASE_URL: '', BENCH_MIGRATED_DATA_DIR: inject('migratedDataDir') } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

// The benchmarks are not part of the suite; this brief run proves each still works end to end.
describe('benchmarks (smoke run)', () => {
  it('run and report every figure as JSON', { timeout: 300_000 }, async () => {
    await buildProductOnce();
    const { code, stdout, stderr } = await runBench();
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.smoke).toBe(true);
    expect(report.machine.cores).toBeGreaterThan(0);
    const byName = Object.fromEntries(report.results.map((r: { name: string }) => [r.name, r]));
    expect(Object.keys(byName).sort()).toEqual(['cold-start', 'contacts-batch-upsert', 'contacts-import', 'contacts-search', 'events-dispatch', 'forms-embed', 'forms-submit', 'idle-memory', 'pages-lcp', 'pages-serve', 'request-overhead']);
    expect(byName['contacts-batch-upsert'].results.pglite.inserts.per_second).toBeGreaterThan(0);
    expect(byName['contacts-batch-upsert'].results.pglite.updates.per_second).toBeGreaterThan(0);
    expect(byName['contacts-import'].pglite).toMatchObject({ created: 2_000, failed: 0 });
    // Without BENCH_DATABASE_URL the search figure (a PostgreSQL one) says why it was not measured.
    expect(byName['contacts-search'].skipped).toContain('BENCH_DATABASE_URL');
    expect(byName['events-dispatch'].skipped).toContain('BENCH_DATABASE_URL');
    expect(byName['cold-start'].median_ms).toBeGreaterThan(0);
    expect(byName['idle-memory'].rss_idle_mb).toBeGreaterThan(0);
    const overhead = byName['request-overhead'];
    expect(overhead.bare_node_http.rps).toBeGreaterThan(0);
    expect(overhead.inflow.pglite.workspace.rps).toBeGreaterThan(0);
    expect(overhead.inflow.pglite.workspace.non_2xx).toBe(0);
    expect(overhead.inflow.pglite.api_keys_page.non_2xx).toBe(0);
    const forms = byName['forms-submit'].results.pglite;
    expect(forms.closed_loop.rps).toBeGreaterThan(0);
    expect(forms.closed_loop.non_2xx).toBe(0);
    expect(forms.stored_equals_2xx).toBe(true);
    // Without Chromium the embed figure says why it was not measured.
    const embed = byName['forms-embed'];
    if (embed.skipped) expect(embed.skipped).toContain('Chromium');
    else expect(embed.cold.rendered_ms.median).toBeGreaterThan(0);
    expect(embed.f_js_gzip_kb).toBeGreaterThan(0);
    const pages = byName['pages-serve'];
    expect(pages.inflow.rps).toBeGreaterThan(0);
    expect(pages.inflow.non_2xx).toBe(0);
    expect(pages.republish_shows_new_version).toBe(true);
    const lcp = byName['pages-lcp'];
    if (lcp.skipped) expect(lcp.skipped).toContain('Chromium');
    else {
      expect(lcp.templates).toHaveLength(2);
      for (const t of lcp.templates) expect([t.lcp.desktop.median_ms, t.lcp.mobile.median_ms, t.weight_gzip_kb].every((v) => v > 0), t.template).toBe(true);
    }
  });
});
