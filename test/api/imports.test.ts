import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from '../../src/db/jobs/worker.js';
import { jobHandlers } from '../../src/jobs.js';
import { addUser, call, createTenant, login, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

let server: TestServer;
let tenant: Tenant;
const importDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inflow-api-imports-'));
const MAX_BYTES = 4 * 1024 * 1024;

beforeAll(async () => {
  // The app reads the import folder and the upload limit from the full config, as `inflow serve` passes it.
  server = await startTestServer({ config: { imports: { dir: importDir, maxBytes: MAX_BYTES } } as object });
  tenant = await createTenant(server, 'importer');
  expect((await call(server, '/api/v1/custom-fields', { method: 'POST', apiKey: tenant.apiKey, body: { key: 'visits', label: 'Visits', type: 'number' } })).status).toBe(201);
});
afterAll(async () => {
  await server.close();
  fs.rmSync(importDir, { recursive: true, force: true });
});

const upload = (csv: string | Buffer, query = '', headers: Record<string, string> = { 'content-type': 'text/csv' }) =>
  call(server, `/api/v1/imports${query}`, { method: 'POST', apiKey: tenant.apiKey, rawBody: csv, headers });

/** Runs the queued jobs, as the worker of `inflow serve` does. */
async function runJobs(): Promise<void> {
  await new Worker(server.database.db, jobHandlers(), { concurrency: 1, pollMs: 10 }).runOnce();
}

const CSV = 'Email,First Name,Visits,Notes\nana@acme.test,Ana,3,\n=cmd|calc,Evil,2,\nbo@acme.test,Bo,many,\n';

describe('the imports API', () => {
  it('takes a CSV upload, queues it, and a job imports it', async () => {
    const created = await upload(CSV, '?file_name=leads.csv&tag=api-import');
    expect(created.status).toBe(202);
    expect(created.json).toMatchObject({ status: 'queued', file_name: 'leads.csv', file_size: CSV.length, options: { tags: ['api-import'], on_existing: 'update' } });
    expect(created.json).not.toHaveProperty('file_path');
    await runJobs();
    const done = await call(server, `/api/v1/imports/${created.json.id}`, { apiKey: tenant.apiKey });
    expect(done.json).toMatchObject({ status: 'done', encoding: 'utf-8', rows_total: 3, rows_processed: 3, rows_created: 1, rows_failed: 2, error_report: `/api/v1/imports/${created.json.id}/errors.csv` });
    const contact = await call(server, '/api/v1/contacts?email=ana@acme.test', { apiKey: tenant.apiKey });
    expect(contact.json.data[0]).toMatchObject({ first_name: 'Ana', tags: ['api-import'], custom: { visits: 3 } });
    // The uploaded copy is removed once the import is done; the report stays.
    expect(fs.readdirSync(path.join(importDir, tenant.workspaceId))).toEqual([`${created.json.id}.errors.csv`]);

    const report = await call(server, done.json.error_report, { apiKey: tenant.apiKey });
    expect(report.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(parse(report.text)).toEqual([
      ['row', 'column', 'value', 'message'],
      ['3', 'Email', "'=cmd|calc", 'email is missing the @'],
      ['4', 'Visits', 'many', 'must be a number'],
    ]);

    const list = await call(server, '/api/v1/imports?limit=1', { apiKey: tenant.apiKey });
    expect(list.json.data.map((i: { id: string }) => i.id)).toEqual([created.json.id]);
  });

  it('keeps a draft to preview, map and start', async () => {
    const draft = await upload('Email,Lead Number,Fav Colour\nli@acme.test,1001,red\nmo@acme.test,1002,blue\n', '?start=false');
    expect(draft.status).toBe(201);
    expect(draft.json.status).toBe('draft');
    const preview = await call(server, `/api/v1/imports/${draft.json.id}/preview`, { apiKey: tenant.apiKey });
    expect(preview.json).toMatchObject({
      headers: ['Email', 'Lead Number', 'Fav Colour'],
      delimiter: ',',
      new_fields: [{ key: 'lead_number', label: 'Lead Number', type: 'number' }, { key: 'fav_colour', label: 'Fav Colour', type: 'text' }],
      sample_rows: [['li@acme.test', '1001', 'red'], ['mo@acme.test', '1002', 'blue']],
      problems: [],
    });
    const mapping = preview.json.mapping.map(({ column, header, target }: { column: number; header: string; target: unknown }) => ({ column, header, target }));
    mapping[2].target = { kind: 'ignore' };
    const wrong = await call(server, `/api/v1/imports/${draft.json.id}`, { method: 'PATCH', apiKey: tenant.apiKey, body: { mapping: [{ ...mapping[1], header: 'Other' }] } });
    expect(wrong.status).toBe(400);
    expect(wrong.json.errors).toContainEqual({ field: 'mapping.0', message: 'column 1 is "Lead Number" in the file, not "Other"' });
    const patched = await call(server, `/api/v1/imports/${draft.json.id}`, { method: 'PATCH', apiKey: tenant.apiKey, body: { mapping, options: { create_fields: true, tags: ['fair'] } } });
    expect(patched.status).toBe(200);
    expect(patched.json.options).toMatchObject({ create_fields: true, tags: ['fair'] });
    const started = await call(server, `/api/v1/imports/${draft.json.id}/start`, { method: 'POST', apiKey: tenant.apiKey });
    expect(started.status).toBe(202);
    expect((await call(server, `/api/v1/imports/${draft.json.id}`, { method: 'PATCH', apiKey: tenant.apiKey, body: { options: {} } })).status).toBe(409);
    await runJobs();
    const done = await call(server, `/api/v1/imports/${draft.json.id}`, { apiKey: tenant.apiKey });
    expect(done.json).toMatchObject({ status: 'done', rows_created: 2, error_report: null });
    const fields = await call(server, '/api/v1/custom-fields', { apiKey: tenant.apiKey });
    expect(fields.json.data.map((f: { key: string }) => f.key)).toEqual(['lead_number', 'visits']);
    const li = await call(server, '/api/v1/contacts?email=li@acme.test', { apiKey: tenant.apiKey });
    expect(li.json.data[0]).toMatchObject({ tags: ['fair'], custom: { lead_number: 1001 } });
  });

  it('previews the first part of a file without keeping anything', async () => {
    const head = 'email;nome;cidade\nana@acme.test;Ana;Recife\nbo@acme.test;B';
    const preview = await call(server, '/api/v1/imports/preview', { method: 'POST', apiKey: tenant.apiKey, rawBody: head, headers: { 'content-type': 'text/csv' } });
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ delimiter: ';', headers: ['email', 'nome', 'cidade'], sample_rows: [['ana@acme.test', 'Ana', 'Recife']] });
    expect(preview.json.mapping.map((m: { target: unknown }) => m.target)).toEqual([
      { kind: 'field', field: 'email' }, { kind: 'field', field: 'full_name' }, { kind: 'field', field: 'city' },
    ]);
  });

  it('cancels, and resumes a cancelled import on start', async () => {
    const draft = await upload('email\nzed@acme.test\n', '?start=false');
    const cancelled = await call(server, `/api/v1/imports/${draft.json.id}/cancel`, { method: 'POST', apiKey: tenant.apiKey });
    expect(cancelled.json).toMatchObject({ status: 'cancelled', finished_at: expect.any(String) });
    const again = await call(server, `/api/v1/imports/${draft.json.id}/start`, { method: 'POST', apiKey: tenant.apiKey });
    expect(again.json.status).toBe('queued');
    await runJobs();
    const done = await call(server, `/api/v1/imports/${draft.json.id}`, { apiKey: tenant.apiKey });
    expect(done.json.status).toBe('done');
    expect((await call(server, `/api/v1/imports/${draft.json.id}/cancel`, { method: 'POST', apiKey: tenant.apiKey })).status).toBe(409);
  });

  it('streams uploads bigger than the JSON body limit, and refuses what is over its own', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `big${i}@acme.test,Name ${i}`).join('\n');
    const big = await upload(`email,first_name\n${rows}\n`, '?start=false');
    expect(big.status).toBe(201);
    expect(big.json.file_size).toBeGreaterThan(1024 * 1024);
    const before = fs.readdirSync(path.join(importDir, tenant.workspaceId)).length;
    const tooBig = await upload(Buffer.alloc(MAX_BYTES + 10, 'a'));
    expect(tooBig.status).toBe(413);
    expect(tooBig.headers.get('content-type')).toContain('application/problem+json');
    expect(fs.readdirSync(path.join(importDir, tenant.workspaceId))).toHaveLength(before);
  });

  it('answers bad uploads with clear errors', async () => {
    const json = await call(server, '/api/v1/imports', { method: 'POST', apiKey: tenant.apiKey, body: { email: 'x@y.z' } });
    expect(json.status).toBe(415);
    expect(json.json.detail).toContain('Content-Type: text/csv');
    expect((await upload('')).status).toBe(400);
    const binary = await upload(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), '', { 'content-type': 'application/vnd.ms-excel' });
    expect(binary.status).toBe(202);
    await runJobs();
    const failed = await call(server, `/api/v1/imports/${binary.json.id}`, { apiKey: tenant.apiKey });
    expect(failed.json).toMatchObject({ status: 'failed', error: expect.stringContaining('Excel workbook') });
    expect((await call(server, '/api/v1/imports/not-an-id', { apiKey: tenant.apiKey })).status).toBe(404);
    expect((await call(server, '/api/v1/imports?cursor=nope', { apiKey: tenant.apiKey })).status).toBe(400);
  });

  it('lets only roles that write contacts import', async () => {
    const viewer = await addUser(server, tenant, 'viewer');
    const session = await login(server, viewer.email, viewer.password);
    const response = await call(server, '/api/v1/imports', { method: 'POST', session, rawBody: CSV, headers: { 'content-type': 'text/csv' } });
    expect(response.status).toBe(403);
  });
});

describe('the contacts export API', () => {
  it('streams the filtered contacts as formula-safe CSV', async () => {
    const all = await call(server, '/api/v1/contacts/export', { apiKey: tenant.apiKey });
    expect(all.status).toBe(200);
    expect(all.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(all.headers.get('content-disposition')).toMatch(/^attachment; filename="contacts-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parse(all.text, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.email).sort()).toEqual(['ana@acme.test', 'li@acme.test', 'mo@acme.test', 'zed@acme.test']);
    const tagged = parse((await call(server, '/api/v1/contacts/export?tag=fair', { apiKey: tenant.apiKey })).text, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(tagged.map((r) => r.email).sort()).toEqual(['li@acme.test', 'mo@acme.test']);
    expect(tagged[0]).toHaveProperty('custom.lead_number');
    const bad = await call(server, '/api/v1/contacts/export?custom.nope=1', { apiKey: tenant.apiKey });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual([{ field: 'custom.nope', in: 'querystring', message: 'is not a custom field of this workspace' }]);
  });

  it('exports the contacts whose ids it is given, and none of another workspace', async () => {
    const ids = async (query: string) => (await call(server, `/api/v1/contacts${query}`, { apiKey: tenant.apiKey })).json.data.map((c: { id: string }) => c.id);
    const [ana] = await ids('?email=ana@acme.test');
    const [zed] = await ids('?email=zed@acme.test');
    const other = await createTenant(server, 'export-other');
    const stranger = (await call(server, '/api/v1/contacts', { method: 'POST', apiKey: other.apiKey, body: { email: 'stranger@else.test' } })).json.id;
    const picked = await call(server, '/api/v1/contacts/export', { method: 'POST', apiKey: tenant.apiKey, body: { ids: [ana, zed, stranger] } });
    expect(picked.status).toBe(200);
    expect(picked.headers.get('content-disposition')).toMatch(/^attachment; filename="contacts-/);
    const rows = parse(picked.text, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.email).sort()).toEqual(['ana@acme.test', 'zed@acme.test']);

    const bad = await call(server, '/api/v1/contacts/export', { method: 'POST', apiKey: tenant.apiKey, body: { ids: [ana, "1' or '1'='1"] } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual([{ field: 'ids.1', in: 'body', message: 'must be a contact id' }]);
    expect((await call(server, '/api/v1/contacts/export', { method: 'POST', apiKey: tenant.apiKey, body: { ids: [] } })).status).toBe(400);
  });
});
