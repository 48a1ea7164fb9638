// `npm start`: build whatever is missing or older than its sources, then run `inflow serve`.
import { buildIfStale } from './build-if-stale.mjs';

try {
  await buildIfStale();
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
// npm runs a script through `sh -c`, and that shell does not pass on the SIGTERM or SIGINT npm
// gets from a process manager or `kill`: the server would live on, orphaned, holding the data
// directory. package.json's `exec` makes this process npm's own child, which npm signals; a
// runner that still puts a shell in between (or dies without a word) leaves it orphaned, and
// once its parent is gone it stops as if signalled.
const parent = process.ppid;
const orphaned = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(orphaned);
  process.kill(process.pid, 'SIGTERM');
}, 250);
orphaned.unref();

process.argv.splice(2, process.argv.length - 2, 'serve', ...process.argv.slice(2));
await import(new URL('../dist/cli.js', import.meta.url).href);
