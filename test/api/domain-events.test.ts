// What the lead database tells other modules, through the domain event log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../src/events/kinds.js';
import { eventDispatcher } from '../../src/jobs.js';
import { MODULES } from '../../src/modules/index.js';
import type { InflowModule } from '../../src/modules/module.js';
import { csvFile, importFile } from '../import/import-helpers.js';
import { call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

let server: TestServer;
let tenant: Tenant;
const heard: DomainEvent[] = [];
// A module that listens to everything the lead database says, registered beside the real ones.
const listener: InflowModule = {
  name: 'test-listener',
  tables: [],
  subscribers: [
    {
      name: 'test.everything',
      kinds: ['contact.created', 'contact.updated', 'contact.deleted', 'contact.merged', 'contact.erased', 'list.joined', 'list.left'],
      handle: async (events) => {
        heard.push(...events);
      },
    },
  ],
};

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenant(server, 'events');
});

afterAll(() => server.close());

const api = (path: string, method = 'GET', body?: unknown) => call(server, path, { method, body, apiKey: tenant.apiKey });

/** Delivers what was published since the last call, and returns it (this tenant's only). */
async function published(): Promise<Array<Pick<DomainEvent, 'kind' | 'contact_id' | 'payload'> & { actor: string }>> {
  const before = heard.length;
  await eventDispatcher(server.database, [...MODULES, listener]).drain();
  return heard
    .slice(before)
    .filter((e) => e.workspace_id === tenant.workspaceId)
    .map((e) => ({ kind: e.kind, contact_id: e.contact_id, payload: e.payload, actor: e.actor.type }));
}

describe('domain events of contacts and lists', () => {
  it('tells of a contact created, changed and deleted, with the fields that changed', async () => {
    const id = (await api('/api/v1/contacts', 'POST', { email: 'ana@events.example', first_name: 'Ana' })).json.id;
    await api(`/api/v1/contacts/${id}`, 'PATCH', { city: 'Recife', lifecycle_stage: 'mql' });
    await api(`/api/v1/contacts/${id}`, 'PATCH', { city: 'Recife' });
    await api(`/api/v1/contacts/${id}`, 'DELETE');
    expect(await published()).toEqual([
      { kind: 'contact.created', contact_id: id, payload: { import_id: null }, actor: 'api_key' },
      { kind: 'contact.updated', contact_id: id, payload: { changes: { city: [null, 'Recife'], lifecycle_stage: ['lead', 'mql'] } }, actor: 'api_key' },
      { kind: 'contact.deleted', contact_id: id, payload: {}, actor: 'api_key' },
    ]);
  });

  it('tells of contacts joining and leaving a list', async () => {
    const a = (await api('/api/v1/contacts', 'POST', { email: 'list-a@events.example' })).json.id;
    const b = (await api('/api/v1/contacts', 'POST', { email: 'list-b@events.example' })).json.id;
    const list = (await api('/api/v1/lists', 'POST', { name: 'Webinar' })).json.id;
    await published();
    await api(`/api/v1/lists/${list}/contacts`, 'POST', { contact_ids: [a, b] });
    await api(`/api/v1/lists/${list}/contacts`, 'DELETE', { contact_ids: [a] });
    expect(await published()).toEqual([
      { kind: 'list.joined', contact_id: a, payload: { list_id: list }, actor: 'api_key' },
      { kind: 'list.joined', contact_id: b, payload: { list_id: list }, actor: 'api_key' },
      { kind: 'list.left', contact_id: a, payload: { list_id: list }, actor: 'api_key' },
    ]);
  });

  it('tells of every contact an import creates, as the import', async () => {
    const imported = await importFile(server.database.db, tenant.workspaceId, csvFile('email,first_name\none@import.example,One\ntwo@import.example,Two\n'));
    const events = await published();
    expect(events.map((e) => e.kind)).toEqual(['contact.created', 'contact.created']);
    expect(events.every((e) => e.actor === 'import' && (e.payload as { import_id: string }).import_id === imported.id)).toBe(true);
  });

  it('tells of a merge, naming the contact merged in', async () => {
    const survivor = (await api('/api/v1/contacts', 'POST', { email: 'keep@events.example' })).json.id;
    const other = (await api('/api/v1/contacts', 'POST', { email: 'other@events.example', city: 'Natal' })).json.id;
    await published();
    expect((await api(`/api/v1/contacts/${survivor}/merge`, 'POST', { other_id: other })).status).toBe(200);
    expect(await published()).toEqual([
      { kind: 'contact.merged', contact_id: survivor, payload: { merged_contact_id: other }, actor: 'api_key' },
      { kind: 'contact.updated', contact_id: survivor, payload: { changes: { city: [null, 'Natal'] } }, actor: 'api_key' },
    ]);
  });

  it('keeps nothing personal in the log after an erasure', async () => {
    const id = (await api('/api/v1/contacts', 'POST', { email: 'forget-me@events.example', first_name: 'Forgettable' })).json.id;
    await api(`/api/v1/contacts/${id}`, 'PATCH', { last_name: 'Person', phone: '+55 81 98888-7777' });
    expect((await api(`/api/v1/contacts/${id}/erase`, 'POST')).status).toBe(200);
    const log = await server.database.db.selectFrom('domain_events').select(['kind', 'payload']).where('workspace_id', '=', tenant.workspaceId).where('contact_id', '=', id).execute();
    expect(log).toEqual([{ kind: 'contact.erased', payload: {} }]);
    const everything = JSON.stringify(await server.database.db.selectFrom('domain_events').select('payload').execute());
    for (const personal of ['forget-me@events.example', 'Forgettable', 'Person', '98888']) expect(everything).not.toContain(personal);
  });
});
