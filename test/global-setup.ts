import { buildIfStale } from '../scripts/build-if-stale.mjs';
import { databaseKind } from './helpers/database.js';

export default function setup(): void {
  // Browser and benchmark tests run the built product; build it once, before any test starts.
  buildIfStale(['server', 'dashboard'], (line: string) => console.log(`  ${line}`));
  console.log(`\n  storage tests run on ${databaseKind === 'postgres' ? 'PostgreSQL (TEST_DATABASE_URL)' : 'embedded PGlite'}\n`);
}
