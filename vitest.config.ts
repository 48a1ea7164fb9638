import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Three projects, run side by side (each file in its own process):
// - unit: pure logic, no database: fast, as parallel as the machine allows;
// - db: storage and API tests, each on a copy of one migrated database (test/global-setup.ts);
// - slow: whole processes — browsers, the CLI next to a server, the benchmark smoke run.
const slow = ['test/e2e/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/bench-smoke.test.ts'];
const allTests = ['src/**/*.test.ts', 'test/**/*.test.ts'];
// A test file that reaches for a database goes through the test helpers.
const usesDatabase = (file: string) => /helpers\/(database|server|build)|import-helpers|createTestDatabase|startTestServer/.test(fs.readFileSync(file, 'utf8'));
const testFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(file);
    return entry.name.endsWith('.test.ts') ? [file] : [];
  });
const unit = [...testFiles('src'), ...testFiles('test')].filter(
  (file) => !file.startsWith('test/e2e/') && !file.startsWith('test/cli/') && file !== 'test/bench-smoke.test.ts' && !usesDatabase(file),
);

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most tests wait on a database, a socket or a child process: three at once keep two cores busy.
    maxWorkers: 3,
    projects: [
      { extends: true, test: { name: 'unit', include: unit, isolate: false } },
      { extends: true, test: { name: 'db', include: allTests, exclude: [...slow, ...unit], globalSetup: ['test/global-setup.ts'], isolate: false } },
      // Whole processes on a machine busy with the other projects: a generous time per test.
      { extends: true, test: { name: 'slow', include: slow, globalSetup: ['test/global-setup.ts'], testTimeout: 120_000 } },
    ],
  },
});
