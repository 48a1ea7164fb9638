import { Migrator, type MigrationResultSet } from 'kysely';
import type { QueryBuilder } from './database.js';
import { migrations } from './migrations/index.js';

export class MigrationFailed extends Error {}

/**
 * Brings the schema up to date. Kysely's Postgres adapter holds an advisory lock while it
 * migrates, so two processes starting at once run each migration exactly once.
 */
export async function migrateToLatest(db: QueryBuilder): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationFailed(`migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
