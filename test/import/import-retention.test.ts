import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImport, patchImport, startImport } from '../../src/modules/contacts/import/import-service.js';
import { purgeImportFiles } from '../../src/modules/contacts/import/import-retention.js';
import { createWorkspace } from '../../src/modules/workspaces/service.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { csvFile, importFile, tmpDir } from './import-helpers.js';

let database: TestDatabase;
let workspaceId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ id: workspaceId } = await createWorkspace(database.db, { slug: 'retention', name: 'Retention' }, null));
});
afterAll(() => database.close());

/** An uploaded file the import owns, as the dashboard's upload leaves it. */
async function draft(name: string) {
  return createImport(database.db, workspaceId, {
    filePath: csvFile('email\na@x.test\n', name),
    fileName: name,
    fileSize: 16,
    fileOwned: true,
    reportDir: tmpDir,
    mapping: null,
    start: false,
    actor: { type: 'system', id: null },
  });
}

const ageDays = (id: string, days: number) =>
  sql`update imports set updated_at = now() - ${days} * interval '1 day' where workspace_id = ${workspaceId} and id = ${id}`.execute(database.db);
const stored = (id: string) => database.db.selectFrom('imports').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirstOrThrow();

describe('the retention of import files', () => {
  it('removes an abandoned upload after 7 days and a finished import’s report after 30, keeping the imports', async () => {
    const fresh = await draft('fresh.csv');
    const abandoned = await draft('abandoned.csv');
    await ageDays(abandoned.id, 8);
    const queued = await draft('queued.csv');
    await sql`update imports set status = 'queued' where workspace_id = ${workspaceId} and id = ${queued.id}`.execute(database.db);
    await ageDays(queued.id, 60);

    const given = csvFile('email\nok@x.test\nnot-an-email\n', 'given.csv');
    const finished = await importFile(database.db, workspaceId, given);
    expect(Number(finished.error_report_bytes)).toBeGreaterThan(0);
    await ageDays(finished.id, 29);
    expect(await purgeImportFiles(database.db)).toBe(1);
    await ageDays(finished.id, 31);
    expect(await purgeImportFiles(database.db)).toBe(1);
    expect(await purgeImportFiles(database.db)).toBe(0);

    expect(fs.existsSync(fresh.file_path)).toBe(true);
    expect((await stored(fresh.id)).files_removed_at).toBeNull();
    expect(fs.existsSync(abandoned.file_path)).toBe(false);
    expect((await stored(abandoned.id)).files_removed_at).toBeInstanceOf(Date);
    expect(fs.existsSync(queued.file_path)).toBe(true);
    // The report goes; the file the CLI was given is the user's own and stays.
    const after = await stored(finished.id);
    expect(after).toMatchObject({ status: 'done', rows_created: 1, rows_failed: 1 });
    expect(Number(after.error_report_bytes)).toBe(0);
    expect(after.files_removed_at).toBeInstanceOf(Date);
    expect(fs.existsSync(finished.error_report_path!)).toBe(false);
    expect(fs.existsSync(given)).toBe(true);
  });

  it('refuses to start or remap an import whose upload was removed, saying why', async () => {
    const old = await draft('old.csv');
    await ageDays(old.id, 10);
    await purgeImportFiles(database.db);
    await expect(startImport(database.db, workspaceId, old.id)).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining('upload it again') });
    await expect(patchImport(database.db, workspaceId, old.id, { mapping: [{ column: 0, header: 'email', target: { kind: 'field', field: 'email' } }] })).rejects.toMatchObject({
      kind: 'conflict',
    });
  });

  it('still resumes an import of a file given by path, whose report alone was removed', async () => {
    const given = csvFile('email\nfirst@x.test\n', 'given-by-path.csv');
    const cancelled = await importFile(database.db, workspaceId, given);
    await sql`update imports set status = 'cancelled' where workspace_id = ${workspaceId} and id = ${cancelled.id}`.execute(database.db);
    await ageDays(cancelled.id, 40);
    expect(await purgeImportFiles(database.db)).toBe(1);
    await expect(startImport(database.db, workspaceId, cancelled.id, { runHere: true })).resolves.toMatchObject({ status: 'queued' });
  });

  it('does not take the file of an import being started', async () => {
    const racing = await draft('racing.csv');
    await ageDays(racing.id, 8);
    await startImport(database.db, workspaceId, racing.id);
    expect(await purgeImportFiles(database.db)).toBe(0);
    expect(fs.existsSync(racing.file_path)).toBe(true);
  });
});
