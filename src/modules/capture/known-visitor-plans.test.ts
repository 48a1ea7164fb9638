// `/known` is asked on every view of a progressive form by a returning visitor: its two reads of
// form_submissions must reach their indexes (migration 0020's by_visitor and by_contact), not
// the workspace's whole history. Sequential scans are switched off, so a query the planner
// cannot match to its index shows up as another plan.
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.js';
import { createWorkspace } from '../workspaces/service.js';
import { createForm } from './service.js';
import { submittedKeysQuery, visitorContactQuery } from './known-visitor.js';
import { randomUuid } from './visitor-id.js';

let database: TestDatabase;
let workspaceId: string;
let formId: string;
const contactId = randomUuid();

beforeAll(async () => {
  database = await createTestDatabase();
  ({ id: workspaceId } = await createWorkspace(database.db, { slug: 'known-plans', name: 'Known plans' }, null));
  ({ id: formId } = await createForm(database.db, workspaceId, { template: 'ebook', name: 'Guide' }, { type: 'system', id: null }));
  await sql`insert into contacts (workspace_id, id, email) values (${workspaceId}, ${contactId}, 'ana@example.com')`.execute(database.db);
  // A busy form's history: most submissions from other people, some without a visitor id.
  await sql`
    insert into form_submissions (workspace_id, id, form_id, form_version, client_submission_id, contact_id, values, visitor_id)
    select ${workspaceId}, gen_random_uuid(), ${formId}, 1, 's' || n, case when n % 500 = 0 then ${contactId}::uuid end,
           jsonb_build_object('first_name', 'P' || n), case when n % 3 <> 0 then md5(n::text)::uuid::text end
      from generate_series(1, 5000) as n`.execute(database.db);
  await sql`analyze form_submissions`.execute(database.db);
});
afterAll(() => database.close());

async function plan(query: CompiledQuery): Promise<string> {
  return database.db.transaction().execute(async (tx) => {
    await sql`set local enable_seqscan = off`.execute(tx);
    const { rows } = await tx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]));
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

describe('the reads of /known reach their indexes', () => {
  it('a visitor’s contact uses the partial visitor index', async () => {
    expect(await plan(visitorContactQuery(database.db, workspaceId, randomUuid()).compile())).toContain('form_submissions_by_visitor');
  });

  it('a contact’s answers to a form use the contact index', async () => {
    expect(await plan(submittedKeysQuery(workspaceId, formId, contactId, ['goal']).compile(database.db))).toContain('form_submissions_by_contact');
  });
});
