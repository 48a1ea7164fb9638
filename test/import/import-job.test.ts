import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from '../../src/db/jobs/worker.js';
import { jobHandlers } from '../../src/jobs.js';
import { createImport } from '../../src/modules/contacts/import/import-service.js';
import { CHUNK_ROWS } from '../../src/modules/contacts/import/import-runner.js';
import { createWorkspace } from '../../src/modules/workspaces/service.js';
import { createTestDatabase, databaseKind, type TestDatabase } from '../helpers/database.js';
import { csvFile, tmpDir } from './import-helpers.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const importRow = (id: string) => database.db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('the import job', () => {
  it('stops at a chunk boundary when its worker stops, and the retried job finishes the import', async () => {
    const { id: workspaceId } = await createWorkspace(database.db, { slug: 'job', name: 'Job' }, null);
    const chunk = CHUNK_ROWS[databaseKind];
    const total = 5 * chunk;
    const rows = Array.from({ length: total }, (_, i) => `w${i}@x.test,Name ${i}`).join('\n');
    const file = csvFile(`email,first_name\n${rows}\n`);
    const imp = await createImport(database.db, workspaceId, {
      filePath: file, fileName: 'w.csv', fileSize: 1, fileOwned: false, reportDir: tmpDir, start: true, actor: { type: 'system', id: null },
    });
    const worker = new Worker(database.db, jobHandlers(), { concurrency: 1, pollMs: 10 });
    worker.start();
    // Between chunks the runner lets other work in (on PGlite too), so this sees the first chunk land.
    for (let i = 0; i < 600 && (await importRow(imp.id)).rows_processed < chunk; i++) await new Promise((r) => setTimeout(r, 10));
    await worker.stop(0);
    const stopped = await importRow(imp.id);
    expect(stopped.status).toBe('queued');
    expect(stopped.checkpoint % chunk).toBe(0);
    expect(stopped.checkpoint).toBeLessThan(total);
    const job = await database.db.selectFrom('jobs').selectAll().where('kind', '=', 'contacts.import').executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'queued', attempts: 1 });

    await database.db.updateTable('jobs').set({ run_at: sql`now()` }).where('id', '=', job.id).execute();
    await new Worker(database.db, jobHandlers(), { concurrency: 1, pollMs: 10 }).runOnce();
    expect(await importRow(imp.id)).toMatchObject({ status: 'done', rows_processed: total, rows_created: total, checkpoint: total, runner: null });
    const created = await database.db.selectFrom('contact_events').select(sql<number>`count(*)`.as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
    expect(Number(created.n)).toBe(total);
  }, 120_000);
});
