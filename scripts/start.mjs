// `npm start`: build whatever is missing or older than its sources, then run `inflow serve`.
import { buildIfStale } from './build-if-stale.mjs';

try {
  await buildIfStale();
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
process.argv.splice(2, process.argv.length - 2, 'serve', ...process.argv.slice(2));
await import(new URL('../dist/cli.js', import.meta.url).href);
