// Builds the server and the dashboard when their output is missing or older than the sources.
// Used by `npm start` and by the browser tests, so both run what the sources say.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

function newest(dir, skip = () => false) {
  let latest = 0;
  if (!fs.existsSync(dir)) return latest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (skip(full)) continue;
    latest = Math.max(latest, entry.isDirectory() ? newest(full, skip) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

function builtAt(file) {
  return fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
}

const notTests = (p) => p.endsWith('.test.ts');

export const targets = {
  server: {
    output: path.join(root, 'dist/cli.js'),
    sources: () => Math.max(newest(path.join(root, 'src'), notTests), builtAt(path.join(root, 'tsconfig.json'))),
    script: 'build:server',
  },
  dashboard: {
    output: path.join(root, 'web/dist/index.html'),
    sources: () => newest(path.join(root, 'web'), (p) => p.startsWith(path.join(root, 'web', 'dist'))),
    script: 'build:web',
  },
};

/** Builds the named targets that are stale; throws if a build fails. */
export function buildIfStale(names = Object.keys(targets), log = console.log) {
  for (const name of names) {
    const target = targets[name];
    if (builtAt(target.output) >= target.sources()) continue;
    log(`building the ${name}…`);
    const result = spawnSync('npm', ['run', '--silent', target.script], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`building the ${name} failed`);
  }
}
