import { databaseKind } from './helpers/database.js';

export default function setup(): void {
  console.log(`\n  storage tests run on ${databaseKind === 'postgres' ? 'PostgreSQL (TEST_DATABASE_URL)' : 'embedded PGlite'}\n`);
}
