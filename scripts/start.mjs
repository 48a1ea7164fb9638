// `npm start`: build whatever is missing or older than its sources, then run `inflow serve`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

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

const targets = [
  {
    name: 'server',
    output: path.join(root, 'dist/cli.js'),
    sources: () => Math.max(newest(path.join(root, 'src')), builtAt(path.join(root, 'tsconfig.json'))),
    script: 'build:server',
  },
  {
    name: 'dashboard',
    output: path.join(root, 'web/dist/index.html'),
    sources: () =>
      newest(path.join(root, 'web'), (p) => p.startsWith(path.join(root, 'web/dist')) || p.includes(`${path.sep}node_modules`)),
    script: 'build:web',
  },
];

for (const target of targets) {
  if (builtAt(target.output) >= target.sources()) continue;
  console.log(`building the ${target.name}…`);
  const result = spawnSync('npm', ['run', '--silent', target.script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

process.argv.splice(2, process.argv.length - 2, 'serve', ...process.argv.slice(2));
await import(new URL('../dist/cli.js', import.meta.url).href);
