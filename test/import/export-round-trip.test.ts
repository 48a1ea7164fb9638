import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../src/db/schema.js';
import { createCustomField } from '../../src/modules/contacts/custom-field-service.js';
import { contactsCsv } from '../../src/modules/contacts/export/export-stream.js';
import { createWorkspace } from '../../src/modules/workspaces/service.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { csvFile, importFile, reportRows } from './import-helpers.js';

let database: TestDatabase;

async function workspaceWithFields(slug: string): Promise<string> {
  const { id } = await createWorkspace(database.db, { slug, name: slug }, null);
  const fields = [
    { key: 'visits', label: 'Visits', type: 'number' },
    { key: 'newsletter', label: 'Newsletter', type: 'boolean' },
    { key: 'since', label: 'Since', type: 'date' },
    { key: 'plan', label: 'Plan', type: 'select', options: ['Free', 'Pro'] },
    { key: 'interests', label: 'Interests', type: 'multiselect', options: ['SEO', 'Ads'] },
    { key: 'notes', label: 'Notes', type: 'text' },
  ] as const;
  for (const field of fields) await createCustomField(database.db, id, { ...field, options: 'options' in field ? [...field.options] : [] });
  return id;
}

async function exportText(workspaceId: string, filters: { tag?: string[] } = {}): Promise<string> {
  let text = '';
  for await (const chunk of await contactsCsv(database.db, workspaceId, { ...filters, custom: {} })) text += chunk;
  return text;
}

const comparable = (c: Contact) => {
  const { id: _i, workspace_id: _w, created_at: _c, updated_at: _u, company_id: _co, ...rest } = c;
  return rest;
};

async function contactsOf(workspaceId: string) {
  const rows = await database.db.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId).orderBy('email').execute();
  return rows.map(comparable);
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('export, then import of the export', () => {
  const source = stringify([
    ['email', 'first_name', 'last_name', 'phone', 'city', 'source', 'tags', 'do_not_email', 'Visits', 'Newsletter', 'Since', 'Plan', 'Interests', 'Notes', 'Lifecycle Stage'],
    ['ana@acme.test', '=HYPERLINK("http://evil.example","x")', 'Souza, Jr', '+55 81 99999-0000', 'Recife', 'Google', 'vip; fair', 'yes', '-12.5', 'no', '2024-03-05', 'pro', 'SEO;Ads', '@SUM(A1:A2)\nsecond line', 'customer'],
    ['bo@acme.test', 'Bo', '', '', '', 'Direct', 'fair', 'no', '3', 'yes', '', 'Free', '', '-2+3', ''],
    ['cy@acme.test', '\t=cmd|\' /C calc\'!A0', '', '', 'São Paulo', '', '', '', '', '', '', '', '', 'plain, with "quotes"', 'lead'],
  ]);

  it('writes every cell formula-safe, starting with a byte-order mark for Excel', async () => {
    const a = await workspaceWithFields('export-a');
    expect(await importFile(database.db, a, csvFile(source))).toMatchObject({ status: 'done', rows_created: 3, rows_failed: 0 });
    const text = await exportText(a);
    expect(text.startsWith('\uFEFFinflow_id,email,')).toBe(true);
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows[0]!.slice(-6)).toEqual(['custom.visits', 'custom.newsletter', 'custom.since', 'custom.plan', 'custom.interests', 'custom.notes'].sort());
    for (const cell of rows.flat()) {
      if (/^[=+\-@\t\r]/.test(cell)) expect(cell, cell).toMatch(/^[+-]?\d+(\.\d+)?$/);
    }
    expect(text).toContain(`'=HYPERLINK`);
    expect(text).toContain(`'+55 81 99999-0000`);
    expect(text).toContain(`'-2+3`);
  });

  it('imports back into another workspace as the same contacts', async () => {
    const a = (await database.db.selectFrom('workspaces').select('id').where('slug', '=', 'export-a').executeTakeFirstOrThrow()).id;
    const b = await workspaceWithFields('export-b');
    const imp = await importFile(database.db, b, csvFile(await exportText(a)));
    expect(reportRows(imp)).toEqual([]);
    expect(imp).toMatchObject({ status: 'done', rows_created: 3, rows_failed: 0 });
    const [original, copy] = [await contactsOf(a), await contactsOf(b)];
    expect(copy).toEqual(original);
    expect(original[0]).toMatchObject({ first_name: '=HYPERLINK("http://evil.example","x")', phone: '+55 81 99999-0000', lifecycle_stage: 'customer', custom: { visits: -12.5, notes: '@SUM(A1:A2)\nsecond line', interests: ['SEO', 'Ads'], plan: 'Pro' } });
  });

  it('exports only the contacts that pass the filters', async () => {
    const a = (await database.db.selectFrom('workspaces').select('id').where('slug', '=', 'export-a').executeTakeFirstOrThrow()).id;
    const rows = parse(await exportText(a, { tag: ['vip'] }), { bom: true }) as string[][];
    expect(rows.slice(1).map((r) => r[1])).toEqual(['ana@acme.test']);
  });
});
