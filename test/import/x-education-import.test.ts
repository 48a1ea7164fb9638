import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace } from '../../src/modules/workspaces/service.js';
import { listCustomFields } from '../../src/modules/contacts/custom-field-service.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { importFile, reportRows } from './import-helpers.js';

const dataset = fileURLToPath(new URL('../../../shared/datasets/x-education-leads.csv', import.meta.url));
let database: TestDatabase;
let workspaceId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  workspaceId = (await createWorkspace(database.db, { slug: 'xed', name: 'X Education' }, null)).id;
});
afterAll(() => database.close());

describe('importing the X Education export', () => {
  it('lands every lead, keyed by Prospect ID, with fields where they belong', async () => {
    const imp = await importFile(database.db, workspaceId, dataset, { options: { create_fields: true, tags: ['x-education'] } });
    expect(imp.status).toBe('done');
    expect(reportRows(imp)).toEqual([]);
    expect(imp).toMatchObject({ rows_total: 9240, rows_processed: 9240, rows_created: 9240, rows_updated: 0, rows_failed: 0, rows_skipped: 0 });
  }, 300_000);

  it('creates typed custom fields', async () => {
    const fields = new Map((await listCustomFields(database.db, workspaceId)).map((f) => [f.key, f.type]));
    expect(fields.get('lead_number')).toBe('number');
    expect(fields.get('total_visits')).toBe('number');
    expect(fields.get('page_views_per_visit')).toBe('number');
    expect(fields.get('converted')).toBe('number');
    expect(fields.get('search')).toBe('boolean');
    expect(fields.get('last_activity')).toBe('text');
    expect(fields.get('asymmetrique_activity_index')).toBe('text');
  });

  it('reads the first lead cell by cell', async () => {
    const contact = await database.db.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId)
      .where('external_id', '=', '7927b2df-8bba-4d29-b9a2-b6e0beafe620').executeTakeFirstOrThrow();
    expect(contact).toMatchObject({ email: null, origin: 'API', source: 'Olark Chat', do_not_email: false, do_not_call: false, country: null, city: null });
    expect(contact.tags).toEqual(['x-education', 'Interested in other courses']);
    expect(contact.custom).toMatchObject({ lead_number: 660737, converted: 0, total_visits: 0, last_activity: 'Page Visited on Website', search: false, asymmetrique_activity_index: '02.Medium', asymmetrique_activity_score: 15 });
    expect(contact.custom).not.toHaveProperty('specialization'); // "Select"
    expect(contact.custom).not.toHaveProperty('lead_profile');
  });
});
