// Issue 9 point 6: identity conflicts inside one write (a file, a batch) or against the database
// are reported as warnings, the first external id stays, and first-touch fields keep their first
// value whatever the write mode; an edit of one contact by id may still change them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from '../../src/db/jobs/worker.js';
import { jobHandlers } from '../../src/jobs.js';
import { call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

const importDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inflow-identity-'));
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ config: { imports: { dir: importDir, maxBytes: 2 ** 20 } } as object });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(importDir, { recursive: true, force: true });
});

type Json = Record<string, any>;
const api = (tenant: Tenant, route: string, init: { method?: string; body?: unknown } = {}) => call(server, route, { apiKey: tenant.apiKey, ...init });
const upsert = (tenant: Tenant, body: unknown) => api(tenant, '/api/v1/contacts', { method: 'POST', body });
const batch = (tenant: Tenant, body: Json) => api(tenant, '/api/v1/contacts/batch', { method: 'POST', body });
const byEmail = async (tenant: Tenant, email: string): Promise<Json> => (await api(tenant, `/api/v1/contacts?email=${email}`)).json.data[0];

async function importCsv(tenant: Tenant, csv: string, options: Json = {}): Promise<Json> {
  const query = new URLSearchParams({ file_name: 'crm.csv', ...options });
  const created = await call(server, `/api/v1/imports?${query}`, { method: 'POST', apiKey: tenant.apiKey, rawBody: csv, headers: { 'content-type': 'text/csv' } });
  expect(created.status).toBe(202);
  await new Worker(server.database.db, jobHandlers(), { concurrency: 1, pollMs: 10 }).runOnce();
  return (await api(tenant, `/api/v1/imports/${created.json.id}`)).json;
}

describe('an import with identity conflicts', () => {
  it('keeps the first external id and first-touch values, writes the rest, and warns with both values', async () => {
    const tenant = await createTenant(server, 'idimport');
    const ana = await upsert(tenant, { email: 'ana@acme-example.com', external_id: 'A-1', first_name: 'Ana', source: 'Webinar', utm_source: 'google' });
    const bia = await upsert(tenant, { email: 'bia@acme-example.com', external_id: 'B-1', first_name: 'Bia' });
    const csv = [
      'Email,Record ID,First Name,Original Source,utm_source,Referrer',
      // (a) two rows of one new person with different ids: the first row's id and source stay.
      'new@acme-example.com,N-1,New,Ads,facebook,https://ads.example/',
      'new@acme-example.com,N-2,Newer,Fair,linkedin,https://fair.example/',
      // (b) Ana's email with Bia's id: Ana is updated, the id stays Bia's.
      'ana@acme-example.com,B-1,Ana Maria,,,',
      // (c) Ana's email with an id of its own: Ana keeps A-1, and her first source.
      'ana@acme-example.com,A-9,,Fair,bing,https://fair.example/',
    ].join('\n');
    const done = await importCsv(tenant, csv);
    expect(done).toMatchObject({ status: 'done', rows_created: 1, rows_updated: 3, rows_failed: 0, rows_warned: 3 });
    expect(done.first_problems).toEqual([
      { row: 3, column: 'Record ID', value: 'N-2', message: expect.stringContaining('N-1'), level: 'warning' },
      { row: 4, column: 'Record ID', value: 'B-1', message: expect.stringContaining(bia.json.id), level: 'warning' },
      { row: 5, column: 'Record ID', value: 'A-9', message: expect.stringContaining('A-1'), level: 'warning' },
    ]);
    expect(done.first_problems[1].message).toContain('A-1');
    // Last-touch fields (the name here) follow the later row; first-touch ones do not.
    expect(await byEmail(tenant, 'new@acme-example.com')).toMatchObject({ external_id: 'N-1', first_name: 'Newer', source: 'Ads', utm_source: 'facebook', referrer: 'https://ads.example/' });
    expect(await byEmail(tenant, 'ana@acme-example.com')).toMatchObject({ id: ana.json.id, external_id: 'A-1', first_name: 'Ana Maria', source: 'Webinar', utm_source: 'google', referrer: 'https://fair.example/' });
    expect(await byEmail(tenant, 'bia@acme-example.com')).toMatchObject({ id: bia.json.id, external_id: 'B-1', first_name: 'Bia' });
  });

  it('reports the same conflicts with --keep-existing and --skip-existing, which write nothing over them either', async () => {
    const tenant = await createTenant(server, 'idmodes');
    await upsert(tenant, { email: 'cy@acme-example.com', external_id: 'C-1', source: 'Webinar' });
    const csv = ['Email,Record ID,Original Source', 'cy@acme-example.com,C-2,Fair'].join('\n');
    for (const options of [{ keep_existing: 'true' }, { on_existing: 'skip' }]) {
      const done = await importCsv(tenant, csv, options);
      expect(done).toMatchObject({ status: 'done', rows_warned: 1, rows_failed: 0 });
      expect(done.first_problems).toEqual([{ row: 2, column: 'Record ID', value: 'C-2', message: expect.stringContaining('C-1'), level: 'warning' }]);
    }
    expect(await byEmail(tenant, 'cy@acme-example.com')).toMatchObject({ external_id: 'C-1', source: 'Webinar' });
  });
});

describe('the batch and upsert API with identity conflicts', () => {
  it('gives each conflicting item a warning naming both values and keeps the first id', async () => {
    const tenant = await createTenant(server, 'idbatch');
    const ana = await upsert(tenant, { email: 'ana@acme-example.com', external_id: 'A-1' });
    const bia = await upsert(tenant, { email: 'bia@acme-example.com', external_id: 'B-1' });
    const response = await batch(tenant, {
      contacts: [
        { email: 'new@acme-example.com', external_id: 'N-1', source: 'Ads' },
        { email: 'new@acme-example.com', external_id: 'N-2', source: 'Fair', first_name: 'Newer' },
        { email: 'ana@acme-example.com', external_id: 'B-1', first_name: 'Ana' },
        { email: 'ana@acme-example.com', external_id: 'A-9' },
        { email: 'bia@acme-example.com', external_id: 'B-1', first_name: 'Bia' },
      ],
    });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ created: 1, updated: 4, failed: 0, warned: 3 });
    const [first, second, both, other, plain] = response.json.results;
    expect(first.warnings).toBeUndefined();
    expect(second).toMatchObject({ status: 'updated', id: first.id, warnings: [{ field: 'external_id', message: expect.stringContaining('N-1') }] });
    expect(second.warnings[0].message).toContain('N-2');
    expect(both).toMatchObject({ status: 'updated', id: ana.json.id, warnings: [{ field: 'external_id', message: expect.stringContaining(bia.json.id) }] });
    expect(both.warnings[0].message).toMatch(/B-1[\s\S]*A-1|A-1[\s\S]*B-1/);
    expect(other).toMatchObject({ status: 'updated', id: ana.json.id, warnings: [{ field: 'external_id', message: expect.stringMatching(/A-9[\s\S]*A-1/) }] });
    expect(plain.warnings).toBeUndefined();
    expect(await byEmail(tenant, 'new@acme-example.com')).toMatchObject({ external_id: 'N-1', source: 'Ads', first_name: 'Newer' });
    expect(await byEmail(tenant, 'ana@acme-example.com')).toMatchObject({ external_id: 'A-1', first_name: 'Ana' });
    expect(await byEmail(tenant, 'bia@acme-example.com')).toMatchObject({ external_id: 'B-1' });
  });

  it('answers a single upsert with the warnings beside the contact', async () => {
    const tenant = await createTenant(server, 'idsingle');
    await upsert(tenant, { email: 'dan@acme-example.com', external_id: 'D-1' });
    const again = await upsert(tenant, { email: 'dan@acme-example.com', external_id: 'D-2', first_name: 'Dan' });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ external_id: 'D-1', first_name: 'Dan', warnings: [{ field: 'external_id', message: expect.stringMatching(/D-2[\s\S]*D-1/) }] });
    const quiet = await upsert(tenant, { email: 'dan@acme-example.com', external_id: 'D-1' });
    expect(quiet.json.warnings).toBeUndefined();
  });

  it('keeps first-touch fields on later upserts in every mode, fills them when empty, and lets an edit by id change them', async () => {
    const tenant = await createTenant(server, 'idfirst');
    const first = await upsert(tenant, { email: 'eva@acme-example.com', source: 'Webinar', source_detail: 'Spring', origin: 'form', utm_campaign: 'spring', latest_source: 'Webinar' });
    await upsert(tenant, { email: 'eva@acme-example.com', source: 'Ads', source_detail: 'Retargeting', origin: 'api', utm_campaign: 'autumn', utm_medium: 'cpc', latest_source: 'Ads', latest_source_detail: 'Retargeting' });
    await upsert(tenant, { email: 'eva@acme-example.com', source: null, utm_campaign: null });
    await batch(tenant, { contacts: [{ email: 'eva@acme-example.com', source: 'Fair', referrer: 'https://fair.example/' }] });
    expect(await byEmail(tenant, 'eva@acme-example.com')).toMatchObject({
      source: 'Webinar', source_detail: 'Spring', origin: 'form', utm_campaign: 'spring',
      // Empty first-touch fields are filled by the first write that has them; last-touch ones follow each write.
      utm_medium: 'cpc', referrer: 'https://fair.example/', latest_source: 'Ads', latest_source_detail: 'Retargeting',
    });
    const edited = await api(tenant, `/api/v1/contacts/${first.json.id}`, { method: 'PATCH', body: { source: 'Partner', external_id: 'E-7' } });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ source: 'Partner', external_id: 'E-7' });
  });

  it('still refuses an edit by id that takes another contact\'s external id', async () => {
    const tenant = await createTenant(server, 'idpatch');
    await upsert(tenant, { email: 'fay@acme-example.com', external_id: 'F-1' });
    const gil = await upsert(tenant, { email: 'gil@acme-example.com' });
    const taken = await api(tenant, `/api/v1/contacts/${gil.json.id}`, { method: 'PATCH', body: { external_id: 'F-1' } });
    expect(taken.status).toBe(409);
  });
});
