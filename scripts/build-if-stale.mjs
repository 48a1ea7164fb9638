// Builds the server and the dashboard when their output is missing or older than the sources.
// Used by `npm start` and by the browser tests, so both run what the sources say.
import { spawn } from 'node:child_process';
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
    // The dashboard alone: the API types it imports are checked in (a test keeps them current).
    script: 'build:dashboard',
  },
  embed: {
    output: path.join(root, 'dist/embed/f.js'),
    sources: () => Math.max(newest(path.join(root, 'embed')), newest(path.join(root, 'src/modules/capture/render'), notTests)),
    script: 'build:embed',
  },
};

/** Builds the named targets that are stale, side by side; rejects if a build fails. */
export async function buildIfStale(names = Object.keys(targets), log = console.log) {
  const stale = names.filter((name) => builtAt(targets[name].output) < targets[name].sources());
  await Promise.all(
    stale.map((name) => {
      log(`building the ${name}…`);
      const build = spawn('npm', ['run', '--silent', targets[name].script], { cwd: root, stdio: 'inherit' });
      return new Promise((resolve, reject) => {
        build.on('error', reject);
        build.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`building the ${name} failed`))));
      });
    }),
  );
}
