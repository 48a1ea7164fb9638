import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from '../../src/db/jobs/worker.js';
import { jobHandlers } from '../../src/jobs.js';
import { scanDuplicates } from '../../src/modules/contacts/duplicates/pairs.js';
import { purgeExpiredTrash, TRASH_DAYS } from '../../src/modules/contacts/trash.js';
import { createApiKey } from '../../src/modules/workspaces/api-keys.js';
import { addUser, call, createTenant, login, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

let server: TestServer;
let tenant: Tenant;
let salesKey: string;
let marketerKey: string;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenant(server, 'trash');
  salesKey = (await createApiKey(server.database.db, tenant.workspaceId, { name: 'sales', role: 'sales', createdBy: null })).key;
  marketerKey = (await createApiKey(server.database.db, tenant.workspaceId, { name: 'marketer', role: 'marketer', createdBy: null })).key;
});
afterAll(() => server.close());

const api = (path: string, method = 'GET', body?: unknown, apiKey = tenant.apiKey) => call(server, path, { method, apiKey, body });
const newContact = async (body: Record<string, unknown>) => (await api('/api/v1/contacts', 'POST', body)).json as { id: string; email: string };
/** Runs every job due, the earlier tests' included. */
async function runJobs(): Promise<void> {
  while ((await new Worker(server.database.db, jobHandlers(), { concurrency: 1, pollMs: 10 }).runOnce()) > 0);
}
const trashIds = async () => (await api('/api/v1/contacts/trash?limit=200')).json.data.map((c: { id: string }) => c.id);
const eventKinds = async (contactId: string) =>
  (await server.database.db.selectFrom('domain_events').select('kind').where('workspace_id', '=', tenant.workspaceId).where('contact_id', '=', contactId).orderBy('id').execute()).map((e) => e.kind);

describe('who may delete contacts', () => {
  it('refuses a sales key, one by one and in bulk, with a problem naming the permission', async () => {
    const contact = await newContact({ email: 'kept@trash.test' });
    const one = await api(`/api/v1/contacts/${contact.id}`, 'DELETE', undefined, salesKey);
    expect(one.status).toBe(403);
    expect(one.headers.get('content-type')).toContain('application/problem+json');
    expect(one.json.detail).toContain('contacts.delete');
    expect((await api('/api/v1/contacts/bulk-actions', 'POST', { action: 'delete' }, salesKey)).status).toBe(403);
    expect((await api('/api/v1/contacts/bulk-actions', 'POST', { action: 'add_tags', tags: ['ok'], ids: [contact.id] }, salesKey)).status).toBe(202);
    expect((await api(`/api/v1/contacts/${contact.id}`)).status).toBe(200);
  });

  it('lets a marketer delete; the roles say who has the permission', async () => {
    const contact = await newContact({ email: 'marketer-deletes@trash.test' });
    expect((await api(`/api/v1/contacts/${contact.id}`, 'DELETE', undefined, marketerKey)).status).toBe(204);
    const roles = (await api('/api/v1/roles')).json.data as Array<{ role: string; permissions: Array<{ name: string }> }>;
    const holders = roles.filter((r) => r.permissions.some((p) => p.name === 'contacts.delete')).map((r) => r.role);
    expect(holders).toEqual(['owner', 'admin', 'marketer']);
  });

  it('tells the dashboard through the session what the role may do', async () => {
    const sales = await addUser(server, tenant, 'sales');
    const session = await login(server, sales.email, sales.password);
    const me = await call(server, '/api/auth/me', { session });
    const workspace = me.json.workspaces.find((w: { id: string }) => w.id === tenant.workspaceId);
    expect(workspace.permissions).not.toContain('contacts.delete');
    expect(workspace.permissions).toContain('contacts.write');
  });
});

describe('the trash', () => {
  it('keeps a deleted contact out of every list, count and lookup, and shows it in the trash', async () => {
    const company = (await api('/api/v1/companies', 'POST', { name: 'Trash Co' })).json.id;
    const contact = await newContact({ email: 'hidden@trash.test', company_id: company, first_name: 'Hidden' });
    expect((await api(`/api/v1/contacts/${contact.id}`, 'DELETE')).status).toBe(204);
    expect((await api(`/api/v1/contacts/${contact.id}`)).status).toBe(404);
    expect((await api(`/api/v1/contacts/${contact.id}`, 'PATCH', { first_name: 'x' })).status).toBe(404);
    expect((await api(`/api/v1/contacts/${contact.id}`, 'DELETE')).status).toBe(404);
    expect((await api('/api/v1/contacts?q=hidden')).json.data).toEqual([]);
    expect((await api('/api/v1/contacts/count?q=hidden')).json).toEqual({ count: 0 });
    expect((await api(`/api/v1/companies/${company}`)).json.contact_count).toBe(0);
    expect((await api(`/api/v1/companies/${company}/contacts`)).json.data).toEqual([]);
    const exported = await api('/api/v1/contacts/export?q=hidden');
    expect(exported.text).not.toContain('hidden@trash.test');

    const trash = await api('/api/v1/contacts/trash');
    const entry = trash.json.data.find((c: { id: string }) => c.id === contact.id);
    expect(entry).toMatchObject({ email: 'hidden@trash.test', deleted_by: { type: 'api_key', id: expect.any(String) } });
    const days = (Date.parse(entry.purge_at) - Date.parse(entry.deleted_at)) / 86_400_000;
    expect(days).toBe(TRASH_DAYS);
    expect(await eventKinds(contact.id)).toEqual(['contact.created', 'contact.deleted']);
  });

  it('restores a contact with its timeline, lists and consents', async () => {
    const contact = await newContact({ email: 'back@trash.test' });
    const list = (await api('/api/v1/lists', 'POST', { name: 'Restorable' })).json.id;
    await api(`/api/v1/lists/${list}/contacts`, 'POST', { contact_ids: [contact.id] });
    await api(`/api/v1/contacts/${contact.id}/notes`, 'POST', { text: 'Met at the fair' });
    await api(`/api/v1/contacts/${contact.id}/consents`, 'POST', { purpose: 'email', granted: true, text_shown: 'Yes', source: 'fair' });

    expect((await api(`/api/v1/contacts/${contact.id}`, 'DELETE')).status).toBe(204);
    expect((await api(`/api/v1/lists/${list}`)).json.member_count).toBe(0);
    expect((await api(`/api/v1/lists/${list}/contacts`)).json.data).toEqual([]);
    expect((await api(`/api/v1/lists/${list}/contacts`, 'POST', { contact_ids: [contact.id] })).json).toMatchObject({ added: 0, not_found: [contact.id] });

    expect((await api(`/api/v1/contacts/${contact.id}/restore`, 'POST', undefined, salesKey)).status).toBe(403);
    const restored = await api(`/api/v1/contacts/${contact.id}/restore`, 'POST');
    expect(restored.status).toBe(200);
    expect(restored.json).toMatchObject({ id: contact.id, email: 'back@trash.test' });
    expect((await api(`/api/v1/contacts/${contact.id}/restore`, 'POST')).status).toBe(404);
    expect(await trashIds()).not.toContain(contact.id);

    expect((await api(`/api/v1/lists/${list}`)).json.member_count).toBe(1);
    expect((await api(`/api/v1/contacts/${contact.id}/lists`)).json.data.map((l: { id: string }) => l.id)).toEqual([list]);
    expect((await api(`/api/v1/contacts/${contact.id}/consents`)).json.data).toMatchObject([{ purpose: 'email', granted: true }]);
    const timeline = (await api(`/api/v1/contacts/${contact.id}/timeline`)).json.data.map((e: { kind: string }) => e.kind);
    expect(timeline).toEqual(['contact.restored', 'contact.deleted', 'consent.granted', 'note.added', 'list.added', 'contact.created']);
    expect(await eventKinds(contact.id)).toEqual(['contact.created', 'list.joined', 'list.left', 'contact.deleted', 'contact.restored', 'list.joined']);
  });

  it('restores a contact onto the lists that still exist', async () => {
    const contact = await newContact({ email: 'two-lists@trash.test' });
    const kept = (await api('/api/v1/lists', 'POST', { name: 'Kept list' })).json.id;
    const dropped = (await api('/api/v1/lists', 'POST', { name: 'Dropped list' })).json.id;
    for (const list of [kept, dropped]) await api(`/api/v1/lists/${list}/contacts`, 'POST', { contact_ids: [contact.id] });
    await api(`/api/v1/contacts/${contact.id}`, 'DELETE');
    expect((await api(`/api/v1/lists/${dropped}`, 'DELETE')).status).toBe(204);
    expect((await api(`/api/v1/contacts/${contact.id}/restore`, 'POST')).status).toBe(200);
    expect((await api(`/api/v1/contacts/${contact.id}/lists`)).json.data.map((l: { id: string }) => l.id)).toEqual([kept]);
  });

  it('leaves trashed contacts out of the duplicates, and lets them back in when restored', async () => {
    const a = await newContact({ email: 'dup-a@trash.test', first_name: 'Twin', phone: '81 98888 7777' });
    const b = await newContact({ email: 'dup-b@trash.test', first_name: 'Twin', phone: '(81) 98888-7777' });
    const pairIds = async () => {
      await scanDuplicates(server.database.db, tenant.workspaceId);
      return (await api('/api/v1/contacts/duplicates')).json.data.map((p: { contact: { id: string }; other: { id: string } }) => [p.contact.id, p.other.id].sort().join());
    };
    const pair = [a.id, b.id].sort().join();
    expect(await pairIds()).toContain(pair);
    await api(`/api/v1/contacts/${b.id}`, 'DELETE');
    expect(await pairIds()).not.toContain(pair);
    expect((await api(`/api/v1/contacts/${a.id}/merge`, 'POST', { other_id: b.id })).status).toBe(404);
    await api(`/api/v1/contacts/${b.id}/restore`, 'POST');
    expect(await pairIds()).toContain(pair);
  });

  it('puts a bulk delete in the trash', async () => {
    const a = await newContact({ email: 'bulk-a@trash.test', tags: ['doomed'] });
    const b = await newContact({ email: 'bulk-b@trash.test', tags: ['doomed'] });
    const asked = await api('/api/v1/contacts/bulk-actions?tag=doomed', 'POST', { action: 'delete' }, marketerKey);
    expect(asked.status).toBe(202);
    await runJobs();
    expect((await api(`/api/v1/contacts/bulk-actions/${asked.json.id}`)).json).toMatchObject({ status: 'done', processed: 2 });
    expect(await trashIds()).toEqual(expect.arrayContaining([a.id, b.id]));
    expect((await api('/api/v1/contacts/count?tag=doomed')).json).toEqual({ count: 0 });
  });

  it('brings a trashed contact back when an upsert or a batch names its email, rather than making a second one', async () => {
    const contact = await newContact({ email: 'Returns@trash.test', first_name: 'Old' });
    await api(`/api/v1/contacts/${contact.id}`, 'DELETE');
    const again = await api('/api/v1/contacts', 'POST', { email: 'returns@trash.test', last_name: 'New' });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ id: contact.id, first_name: 'Old', last_name: 'New' });
    expect(await trashIds()).not.toContain(contact.id);
    expect(await eventKinds(contact.id)).toEqual(['contact.created', 'contact.deleted', 'contact.restored', 'contact.updated']);

    await api(`/api/v1/contacts/${contact.id}`, 'DELETE');
    const batch = await api('/api/v1/contacts/batch', 'POST', { contacts: [{ email: 'returns@trash.test' }], skip_existing: true });
    expect(batch.json).toMatchObject({ skipped: 1, results: [{ status: 'skipped', id: contact.id }] });
    expect((await api(`/api/v1/contacts/${contact.id}`)).status).toBe(200);
  });

  it('refuses to give a live contact the email of a trashed one, saying where it is', async () => {
    const trashed = await newContact({ email: 'taken@trash.test' });
    await api(`/api/v1/contacts/${trashed.id}`, 'DELETE');
    const live = await newContact({ email: 'taker@trash.test' });
    const edit = await api(`/api/v1/contacts/${live.id}`, 'PATCH', { email: 'taken@trash.test' });
    expect(edit.status).toBe(409);
    expect(edit.json.errors).toEqual([{ field: 'email', message: 'belongs to a contact in the trash: restore it, or delete it for good' }]);
  });

  it('deletes a trashed contact for good on request, and only a trashed one', async () => {
    const contact = await newContact({ email: 'purge-now@trash.test' });
    expect((await api(`/api/v1/contacts/trash/${contact.id}`, 'DELETE')).status).toBe(404);
    await api(`/api/v1/contacts/${contact.id}`, 'DELETE');
    expect((await api(`/api/v1/contacts/trash/${contact.id}`, 'DELETE', undefined, salesKey)).status).toBe(403);
    expect((await api(`/api/v1/contacts/trash/${contact.id}`, 'DELETE')).status).toBe(204);
    expect(await trashIds()).not.toContain(contact.id);
    expect((await api(`/api/v1/contacts/${contact.id}/restore`, 'POST')).status).toBe(404);
    expect((await api('/api/v1/contacts', 'POST', { email: 'purge-now@trash.test' })).status).toBe(201);
  });

  it(`purges contacts ${TRASH_DAYS} days after they were deleted, with their history`, async () => {
    const old = await newContact({ email: 'old@trash.test' });
    const recent = await newContact({ email: 'recent@trash.test' });
    await api(`/api/v1/contacts/${old.id}/notes`, 'POST', { text: 'to go' });
    await api(`/api/v1/contacts/${old.id}/consents`, 'POST', { purpose: 'email', granted: true, text_shown: 'Yes', source: 'test' });
    await api(`/api/v1/contacts/${old.id}`, 'DELETE');
    await api(`/api/v1/contacts/${recent.id}`, 'DELETE');
    const db = server.database.db;
    await db
      .updateTable('contacts')
      .set({ deleted_at: sql`now() - ${TRASH_DAYS} * interval '1 day' - interval '1 minute'` })
      .where('workspace_id', '=', tenant.workspaceId)
      .where('id', '=', old.id)
      .execute();
    expect(await purgeExpiredTrash(db)).toBe(1);
    expect(await trashIds()).not.toContain(old.id);
    expect(await trashIds()).toContain(recent.id);
    expect(await db.selectFrom('contact_events').select('id').where('contact_id', '=', old.id).execute()).toEqual([]);
    expect(await db.selectFrom('consents').select('id').where('contact_id', '=', old.id).execute()).toEqual([]);
    // The job purges what is due by its own clock.
    expect(await purgeExpiredTrash(db, new Date(Date.now() + (TRASH_DAYS + 1) * 86_400_000))).toBeGreaterThanOrEqual(1);
    expect(await trashIds()).not.toContain(recent.id);
  });

  it('never puts an erased person in the trash, and erases one already there', async () => {
    const live = await newContact({ email: 'erase-live@trash.test' });
    expect((await api(`/api/v1/contacts/${live.id}/erase`, 'POST')).status).toBe(200);
    const trashed = await newContact({ email: 'erase-trashed@trash.test' });
    await api(`/api/v1/contacts/${trashed.id}`, 'DELETE');
    expect((await api(`/api/v1/contacts/${trashed.id}/erase`, 'POST')).status).toBe(200);
    const ids = await trashIds();
    expect(ids).not.toContain(live.id);
    expect(ids).not.toContain(trashed.id);
    expect(await server.database.db.selectFrom('contacts').select('id').where('id', 'in', [live.id, trashed.id]).execute()).toEqual([]);
    expect((await api('/api/v1/contacts', 'POST', { email: 'erase-trashed@trash.test' })).status).toBe(409);
  });
});
