// Files as other tools export them (header rows written from their documentation), imported with
// the guessed mapping accepted, as a marketer switching tools would: nothing they hold is lost.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from '../../src/db/jobs/worker.js';
import { jobHandlers } from '../../src/jobs.js';
import { emailHash } from '../../src/modules/contacts/suppressions.js';
import { call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

const importDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inflow-vendor-imports-'));
let server: TestServer;
let tenant: Tenant;

beforeAll(async () => {
  server = await startTestServer({ config: { imports: { dir: importDir, maxBytes: 2 ** 20 } } as object });
  tenant = await createTenant(server, 'vendors');
});
afterAll(async () => {
  await server.close();
  fs.rmSync(importDir, { recursive: true, force: true });
});

const api = (route: string, init: Parameters<typeof call>[2] = {}) => call(server, route, { apiKey: tenant.apiKey, ...init });
const runJobs = () => new Worker(server.database.db, jobHandlers(), { concurrency: 1, pollMs: 10 }).runOnce();

async function importCsv(fileName: string, csv: string) {
  const created = await api(`/api/v1/imports?file_name=${fileName}`, { method: 'POST', rawBody: csv, headers: { 'content-type': 'text/csv' } });
  expect(created.status, JSON.stringify(created.json)).toBe(202);
  await runJobs();
  return (await api(`/api/v1/imports/${created.json.id}`)).json;
}

const contactByEmail = async (email: string) => (await api(`/api/v1/contacts?email=${encodeURIComponent(email)}`)).json.data[0];
const consentsOf = async (id: string) => (await api(`/api/v1/contacts/${id}/consents`)).json.data as Array<Record<string, unknown>>;
const timelineOf = async (id: string) => (await api(`/api/v1/contacts/${id}/timeline`)).json.data as Array<{ kind: string; data: Record<string, unknown> }>;

const MAILCHIMP = 'Email Address,First Name,Last Name,Address,Phone Number,MEMBER_RATING,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,LATITUDE,LONGITUDE,GMTOFF,DSTOFF,TIMEZONE,CC,REGION,LAST_CHANGED,LEID,EUID,NOTES,TAGS';

describe('a Mailchimp audience export', () => {
  const subscribed = [
    MAILCHIMP,
    'ana@mc-example.com,Ana,Souza,Rua A 1  Recife  PE  50000-000  BR,+55 81 9999-0000,4,2023-01-15 14:02:11,203.0.113.7,2023-01-15 14:05:40,203.0.113.7,-8.05,-34.9,-3,-3,America/Recife,BR,PE,2024-02-01 10:00:00,123456,abc123,"Met at the fair, wants a demo","""Spring promo, 2024"",VIP"',
    'bo@mc-example.com,Bo,Lee,,,2,,,,,,,,,,,,,,,,',
  ].join('\n');

  it('is recognised, and its consent columns cannot be left out', async () => {
    const preview = await api('/api/v1/imports/preview', { method: 'POST', rawBody: subscribed, headers: { 'content-type': 'text/csv' } });
    expect(preview.json.vendor).toBe('Mailchimp');
    const compliance = preview.json.mapping.filter((m: { compliance: boolean }) => m.compliance).map((m: { header: string }) => m.header);
    expect(compliance).toEqual(['OPTIN_TIME', 'OPTIN_IP', 'CONFIRM_TIME', 'CONFIRM_IP']);
    expect(preview.json.new_fields).toContainEqual({ key: 'mailchimp_rating', label: 'MEMBER_RATING', type: 'number' });

    const draft = await api('/api/v1/imports?file_name=mc.csv&start=false', { method: 'POST', rawBody: subscribed, headers: { 'content-type': 'text/csv' } });
    const mapping = preview.json.mapping.map(({ column, header, target }: { column: number; header: string; target: unknown }) => ({ column, header, target: header === 'OPTIN_IP' ? { kind: 'ignore' } : target }));
    const patched = await api(`/api/v1/imports/${draft.json.id}`, { method: 'PATCH', body: { mapping } });
    expect(patched.status).toBe(400);
    expect(patched.json.errors).toContainEqual({ field: 'mapping.7', message: expect.stringContaining('"OPTIN_IP" holds email opt-outs or consent evidence') });
    await api(`/api/v1/imports/${draft.json.id}`, { method: 'DELETE' });
  });

  it('keeps every column: consent records from the opt-in and its confirmation, notes on the timeline, the rating as a number', async () => {
    const done = await importCsv('mailchimp-subscribed.csv', subscribed);
    expect(done).toMatchObject({ status: 'done', rows_created: 2, rows_failed: 0, rows_warned: 0 });
    const ana = await contactByEmail('ana@mc-example.com');
    expect(ana).toMatchObject({ first_name: 'Ana', last_name: 'Souza', phone: '+55 81 9999-0000', do_not_email: false, tags: ['Spring promo, 2024', 'VIP'] });
    expect(ana.custom).toMatchObject({ mailchimp_rating: 4, address: 'Rua A 1  Recife  PE  50000-000  BR', country_code: 'BR', timezone: 'America/Recife', mailchimp_euid: 'abc123' });
    const consents = await consentsOf(ana.id);
    expect(consents).toHaveLength(2);
    expect(consents).toEqual(expect.arrayContaining([
      expect.objectContaining({ purpose: 'email_marketing', granted: true, source: 'import of mailchimp-subscribed.csv', ip: '203.0.113.7', occurred_at: '2023-01-15T14:02:11.000Z' }),
      expect.objectContaining({ purpose: 'email_marketing', granted: true, source: 'import of mailchimp-subscribed.csv', ip: '203.0.113.7', occurred_at: '2023-01-15T14:05:40.000Z', text_shown: expect.stringContaining('double opt-in') }),
    ]));
    const timeline = await timelineOf(ana.id);
    expect(timeline.filter((e) => e.kind === 'note.added').map((e) => e.data.text)).toEqual(['Met at the fair, wants a demo']);
    expect(timeline.filter((e) => e.kind === 'consent.granted')).toHaveLength(2);
    const bo = await contactByEmail('bo@mc-example.com');
    expect(await consentsOf(bo.id)).toEqual([]);
    const fields = (await api('/api/v1/custom-fields')).json.data as Array<{ key: string; type: string }>;
    expect(fields.find((f) => f.key === 'mailchimp_rating')?.type).toBe('number');
  });

  it('adds nothing twice when the same file is imported again', async () => {
    const again = await importCsv('mailchimp-subscribed.csv', subscribed);
    expect(again).toMatchObject({ status: 'done', rows_updated: 2 });
    const ana = await contactByEmail('ana@mc-example.com');
    expect(await consentsOf(ana.id)).toHaveLength(2);
    expect((await timelineOf(ana.id)).filter((e) => e.kind === 'note.added')).toHaveLength(1);
  });

  it('opts out the unsubscribed and the cleaned, with the time, a withdrawal record and the suppression list', async () => {
    const unsubscribed = [
      `${MAILCHIMP},UNSUB_TIME,UNSUB_CAMPAIGN_TITLE,UNSUB_CAMPAIGN_ID,UNSUB_REASON,UNSUB_REASON_OTHER`,
      'cy@mc-example.com,Cy,,,,1,2022-05-01 09:00:00,198.51.100.2,,,,,,,,,,,,,,,2024-06-30 18:30:00,June news,c123,"I no longer want to receive these emails",',
      'ana@mc-example.com,Ana,Souza,,,4,,,,,,,,,,,,,,,,,2024-07-01 08:00:00,July news,c124,Other,too many',
    ].join('\n');
    const done = await importCsv('mailchimp-unsubscribed.csv', unsubscribed);
    expect(done).toMatchObject({ status: 'done', rows_created: 1, rows_updated: 1, rows_failed: 0 });
    const cy = await contactByEmail('cy@mc-example.com');
    expect(cy).toMatchObject({ do_not_email: true, unsubscribed_at: '2024-06-30T18:30:00.000Z' });
    expect(cy.custom).toMatchObject({ unsubscribe_reason: 'I no longer want to receive these emails', unsubscribe_campaign: 'June news' });
    expect(await consentsOf(cy.id)).toEqual(expect.arrayContaining([
      expect.objectContaining({ granted: true, occurred_at: '2022-05-01T09:00:00.000Z', ip: '198.51.100.2' }),
      expect.objectContaining({ granted: false, occurred_at: '2024-06-30T18:30:00.000Z', source: 'import of mailchimp-unsubscribed.csv' }),
    ]));
    const ana = await contactByEmail('ana@mc-example.com');
    expect(ana).toMatchObject({ do_not_email: true, unsubscribed_at: '2024-07-01T08:00:00.000Z' });

    const cleaned = [`${MAILCHIMP},CLEAN_TIME,CLEAN_CAMPAIGN_TITLE,CLEAN_CAMPAIGN_ID`, 'di@mc-example.com,Di,,,,1,,,,,,,,,,,,,,,,,2024-03-03 03:03:03,March news,c99'].join('\n');
    expect(await importCsv('mailchimp-cleaned.csv', cleaned)).toMatchObject({ status: 'done', rows_created: 1 });
    expect(await contactByEmail('di@mc-example.com')).toMatchObject({ do_not_email: true });

    const suppressed = await server.database.db
      .selectFrom('suppressions')
      .select(['email_hash', 'reason'])
      .where('workspace_id', '=', tenant.workspaceId)
      .execute();
    const hashes = new Set(suppressed.map((s) => s.email_hash));
    for (const email of ['cy@mc-example.com', 'ana@mc-example.com', 'di@mc-example.com']) expect(hashes.has(emailHash(email)), email).toBe(true);
  });

  it('imports a row whose opt-in time or address cannot be read, with a warning and without the bad part', async () => {
    const csv = [MAILCHIMP, 'eve@mc-example.com,Eve,,,,1,last spring,999.1.1.1,2023-02-02 02:02:02,not-an-ip,,,,,,,,,,,,'].join('\n');
    const done = await importCsv('mailchimp-odd.csv', csv);
    expect(done).toMatchObject({ status: 'done', rows_created: 1, rows_warned: 1 });
    expect(done.first_problems.map((p: { column: string; level: string }) => [p.column, p.level])).toEqual([
      ['OPTIN_TIME', 'warning'],
      ['OPTIN_IP', 'warning'],
      ['CONFIRM_IP', 'warning'],
    ]);
    const eve = await contactByEmail('eve@mc-example.com');
    expect(await consentsOf(eve.id)).toEqual([expect.objectContaining({ granted: true, occurred_at: '2023-02-02T02:02:02.000Z', ip: null })]);
  });
});

describe('other tools’ exports', () => {
  it('HubSpot: mobile, address parts and the score land in their fields; an unknown column is kept as a new field', async () => {
    const csv = [
      'Record ID,First Name,Last Name,Email,Phone Number,Mobile Phone Number,Street Address,City,State/Region,Postal Code,Country/Region,HubSpot Score,Favourite Colour,Unsubscribed from all email',
      '501,Gil,Moreau,gil@hs-example.com,+33 1 23 45 67 89,+33 6 12 34 56 78,1 rue de Rivoli,Paris,Île-de-France,75001,France,37,teal,false',
    ].join('\n');
    expect(await importCsv('hubspot-contacts.csv', csv)).toMatchObject({ status: 'done', rows_created: 1, rows_failed: 0 });
    const gil = await contactByEmail('gil@hs-example.com');
    expect(gil).toMatchObject({
      external_id: '501', phone: '+33 1 23 45 67 89', mobile_phone: '+33 6 12 34 56 78', street: '1 rue de Rivoli',
      city: 'Paris', state: 'Île-de-France', postal_code: '75001', country: 'France', do_not_email: false, score: 0,
    });
    expect(gil.custom).toMatchObject({ hubspot_score: 37, favourite_colour: 'teal' });
  });

  it('Pipedrive: a marketing status of Unsubscribed is an opt-out', async () => {
    const csv = ['Person - ID,Person - Name,Person - Email - Work,Person - Phone - Mobile,Person - Marketing status', '77,Hana Ito,hana@pd-example.com,+81 90 1234 5678,Unsubscribed', '78,Ivo Lins,ivo@pd-example.com,,Subscribed'].join('\n');
    expect(await importCsv('pipedrive-people.csv', csv)).toMatchObject({ status: 'done', rows_created: 2, rows_failed: 0 });
    expect(await contactByEmail('hana@pd-example.com')).toMatchObject({ first_name: 'Hana', last_name: 'Ito', mobile_phone: '+81 90 1234 5678', do_not_email: true, external_id: '77' });
    expect(await contactByEmail('ivo@pd-example.com')).toMatchObject({ do_not_email: false });
  });

  it('RD Station: Portuguese headers and funnel stages', async () => {
    const csv = ['Email,Nome,Empresa,Cargo,Celular,Estado,Estágio no funil,Origem da primeira conversão,Interesse', 'joana@rd-example.com.br,Joana Lima,Padaria Sol,Gerente,+55 11 98888-7777,SP,Lead Qualificado,Busca Orgânica,42'].join('\n');
    expect(await importCsv('rd-leads.csv', csv)).toMatchObject({ status: 'done', rows_created: 1, rows_failed: 0 });
    const joana = await contactByEmail('joana@rd-example.com.br');
    expect(joana).toMatchObject({ first_name: 'Joana', last_name: 'Lima', company_name: 'Padaria Sol', job_title: 'Gerente', mobile_phone: '+55 11 98888-7777', state: 'SP', lifecycle_stage: 'mql', source: 'Busca Orgânica' });
    expect(joana.custom).toMatchObject({ rd_interest: 42 });
  });
});
