// The list's filters are written so that PostgreSQL can use the partial indexes of migration
// 0004 (the company index holds only contacts with a company, the GIN indexes only contacts
// with tags or custom values). This checks each filter can reach its index: sequential scans are
// switched off, so a filter the planner cannot match to its index shows up as another plan.
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.js';
import { createWorkspace } from '../workspaces/service.js';
import { createCustomField } from './custom-field-service.js';
import { filteredContacts, type ContactFilters } from './list.js';
import { customFieldDefinitions } from './queries.js';

let database: TestDatabase;
let workspaceId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ id: workspaceId } = await createWorkspace(database.db, { slug: 'plans', name: 'Plans' }, null));
  await createCustomField(database.db, workspaceId, { key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'] });
  // Enough rows, with statistics, that reading the whole workspace is not the cheap plan.
  await sql`
    insert into contacts (workspace_id, id, email, first_name, last_name, company_name, tags, custom)
    select ${workspaceId}, gen_random_uuid(), 'p' || n || '@example.com', 'First' || n, 'Last' || n,
           case when n % 10 = 0 then 'Company ' || n end,
           case when n % 20 = 0 then array['webinar'] else array[]::text[] end,
           case when n % 20 = 0 then '{"plan": "pro"}'::jsonb else '{}'::jsonb end
      from generate_series(1, 5000) as n`.execute(database.db);
  await sql`analyze contacts`.execute(database.db);
});
afterAll(() => database.close());

async function plan(filters: Partial<ContactFilters>): Promise<string> {
  const definitions = await customFieldDefinitions(database.db, workspaceId);
  const query = filteredContacts(database.db, workspaceId, { custom: {}, ...filters }, definitions).compile();
  return database.db.transaction().execute(async (tx) => {
    await sql`set local enable_seqscan = off`.execute(tx);
    const { rows } = await tx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]));
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

describe('list filters reach their indexes', () => {
  it('a name or email prefix uses the email and name indexes', async () => {
    const text = await plan({ q: 'ana' });
    for (const index of ['contacts_email_key_idx', 'contacts_first_name_idx', 'contacts_last_name_idx', 'contacts_company_name_idx']) expect(text).toContain(index);
  });

  it('a tag uses the partial GIN index of tags', async () => {
    expect(await plan({ tag: ['webinar'] })).toContain('contacts_tags_idx');
  });

  it('a custom field uses the partial GIN index of custom values', async () => {
    expect(await plan({ custom: { plan: 'pro' } })).toContain('contacts_custom_idx');
  });

  it('a company uses the partial company index', async () => {
    expect(await plan({ company: '01a20a0b-d026-7549-bcd1-c45a02b245f0' })).toContain('contacts_company_idx');
  });
});
