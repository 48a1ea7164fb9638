import { sql, type Kysely } from 'kysely';

// An import's files (the upload it owns, its error report) are removed some days after its last
// activity; the import itself stays, with its counts, and says when its files went. The index
// serves the purge, which looks across workspaces for imports whose files are still there.
const statements = [
  `alter table imports add column files_removed_at timestamptz`,
  `create index imports_files_kept_idx on imports (updated_at) where files_removed_at is null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [`drop index imports_files_kept_idx`, `alter table imports drop column files_removed_at`]) {
    await sql.raw(statement).execute(db);
  }
}
