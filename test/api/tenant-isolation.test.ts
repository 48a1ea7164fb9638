import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { routesOf } from '../../src/http/route-index.js';
import { createBulkAction } from '../../src/modules/contacts/bulk/bulk-actions.js';
import { createCustomField } from '../../src/modules/contacts/custom-field-service.js';
import { createImport } from '../../src/modules/contacts/import/import-service.js';
import { recordConsent } from '../../src/modules/contacts/privacy.js';
import { upsertContact } from '../../src/modules/contacts/service.js';
import { createCompany } from '../../src/modules/companies/service.js';
import { addToList, createList } from '../../src/modules/lists/service.js';
import { call, createTenant, login, startTestServer, type Session, type Tenant, type TestServer } from '../helpers/server.js';
import { sampleFor } from '../helpers/sample-body.js';

let server: TestServer;
let a: Tenant;
let b: Tenant;
let sessionA: Session;
let secrets: string[];
// The id of one of B's records for every route with a path parameter. A new route with a
// parameter this table does not know fails the test below: add B's record for it here.
let fixturesOfB: Record<string, string>;

async function snapshotOfB(): Promise<string> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.columns
     where column_name = 'workspace_id' and table_schema = current_schema() order by table_name`.execute(server.database.db);
  const dump: Record<string, unknown> = {};
  for (const { table_name } of tables.rows) {
    const rows = await sql`select * from ${sql.table(table_name)} where workspace_id = ${b.workspaceId} order by 1, 2`.execute(server.database.db);
    dump[table_name] = rows.rows;
  }
  dump.workspace = await server.database.db.selectFrom('workspaces').selectAll().where('id', '=', b.workspaceId).execute();
  dump.members = await server.database.db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select(['users.id', 'users.email', 'users.name', 'users.password_hash'])
    .where('memberships.workspace_id', '=', b.workspaceId)
    .execute();
  return JSON.stringify(dump);
}

beforeAll(async () => {
  server = await startTestServer();
  a = await createTenant(server, 'alpha');
  b = await createTenant(server, 'beta');
  sessionA = await login(server, a.ownerEmail, a.password);
  const keyOfB = await server.database.db.selectFrom('api_keys').select('id').where('workspace_id', '=', b.workspaceId).executeTakeFirstOrThrow();
  const ownerOfB = await server.database.db.selectFrom('memberships').select('user_id').where('workspace_id', '=', b.workspaceId).executeTakeFirstOrThrow();
  const contactOfB = await upsertContact(server.database.db, b.workspaceId, { email: 'secret-lead@beta.example', first_name: 'Secret' }, { actor: { type: 'system', id: null } });
  await createCustomField(server.database.db, b.workspaceId, { key: 'beta_only', label: 'Beta only', type: 'text' });
  const system = { type: 'system', id: null } as const;
  const companyOfB = await createCompany(server.database.db, b.workspaceId, { name: 'Beta Secret Corp', domain: 'beta-secret.example' });
  const duplicateOfB = await upsertContact(server.database.db, b.workspaceId, { email: 'twin@beta.example', first_name: 'Secret', phone: '+55 81 99999-0000' }, { actor: system });
  await upsertContact(server.database.db, b.workspaceId, { email: 'twin2@beta.example', first_name: 'Secret', phone: '81 99999 0000' }, { actor: system });
  const listOfB = await createList(server.database.db, b.workspaceId, { name: 'Beta secret list' });
  await addToList(server.database.db, b.workspaceId, listOfB.id, [contactOfB.contact.id], system);
  await recordConsent(server.database.db, b.workspaceId, contactOfB.contact.id, { purpose: 'email', granted: true, text_shown: 'Yes, email me', source: 'test' }, system);
  const importFileOfB = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'inflow-tenant-')), 'beta-secret.csv');
  fs.writeFileSync(importFileOfB, 'email\nsecret-import@beta.example\n');
  const importOfB = await createImport(server.database.db, b.workspaceId, {
    filePath: importFileOfB, fileName: 'beta-secret.csv', fileSize: fs.statSync(importFileOfB).size, fileOwned: false,
    reportDir: path.dirname(importFileOfB), start: false, actor: { type: 'system', id: null },
  });
  const bulkOfB = await createBulkAction(server.database.db, b.workspaceId, { tag: ['beta-secret-tag'], custom: {} }, { action: 'add_tags', tags: ['beta-secret-tag'] }, system);
  fixturesOfB = {
    '/api/v1/contacts/bulk-actions/:id': bulkOfB.id,
    '/api/v1/api-keys/:id': keyOfB.id,
    '/api/v1/members/:userId': ownerOfB.user_id,
    '/api/v1/contacts/:id': contactOfB.contact.id,
    '/api/v1/contacts/:id/timeline': contactOfB.contact.id,
    '/api/v1/contacts/:id/notes': contactOfB.contact.id,
    '/api/v1/custom-fields/:key': 'beta_only',
    '/api/v1/imports/:id': importOfB.id,
    '/api/v1/imports/:id/preview': importOfB.id,
    '/api/v1/imports/:id/start': importOfB.id,
    '/api/v1/imports/:id/cancel': importOfB.id,
    '/api/v1/imports/:id/errors.csv': importOfB.id,
    '/api/v1/companies/:id': companyOfB.id,
    '/api/v1/companies/:id/contacts': companyOfB.id,
    '/api/v1/lists/:id': listOfB.id,
    '/api/v1/lists/:id/contacts': listOfB.id,
    '/api/v1/contacts/:id/lists': contactOfB.contact.id,
    '/api/v1/contacts/:id/consents': contactOfB.contact.id,
    '/api/v1/contacts/:id/export': contactOfB.contact.id,
    '/api/v1/contacts/:id/erase': contactOfB.contact.id,
    '/api/v1/contacts/:id/merge': duplicateOfB.contact.id,
  };
  secrets = [
    b.workspaceId, b.slug, b.ownerEmail, keyOfB.id, ownerOfB.user_id, contactOfB.contact.id, 'secret-lead@beta.example',
    companyOfB.id, 'Beta Secret Corp', listOfB.id, 'Beta secret list', duplicateOfB.contact.id, 'twin@beta.example', 'twin2@beta.example',
    importOfB.id, 'beta-secret.csv', 'secret-import@beta.example', bulkOfB.id, 'beta-secret-tag',
  ];
});

afterAll(() => server.close());

function tenantRoutes() {
  return routesOf(server.app).filter(
    (r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD' && (r.config?.auth === 'workspace' || r.config?.auth === 'account'),
  );
}

function pathWithIdsOfB(url: string): string {
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const id = fixturesOfB[url];
    if (!id) throw new Error(`no fixture of workspace B for :${name} in ${url}: add one to fixturesOfB`);
    return id;
  });
}

describe('workspace isolation, for every tenant route', () => {
  it('knows the tenant routes (the list grows with the API)', () => {
    expect(tenantRoutes().length).toBeGreaterThanOrEqual(10);
  });

  it('gives workspace A no way to read or change anything of workspace B', async () => {
    const before = await snapshotOfB();
    const failures: string[] = [];
    for (const route of tenantRoutes()) {
      const path = pathWithIdsOfB(route.url);
      const bodySchema = (route.schema as { body?: unknown } | undefined)?.body;
      const body = bodySchema ? sampleFor(bodySchema) : undefined;
      const hasIds = path !== route.url;
      const attempts = [
        { label: "A's API key on B's ids", options: { apiKey: a.apiKey }, mustFail: hasIds },
        { label: "A's API key naming workspace B", options: { apiKey: a.apiKey, workspace: b.slug }, mustFail: true },
        { label: "A's session on B's ids", options: { session: sessionA }, mustFail: hasIds },
        { label: "A's session naming workspace B", options: { session: sessionA, workspace: b.slug }, mustFail: route.config?.auth === 'workspace' },
      ];
      for (const attempt of attempts) {
        const response = await call(server, path, { method: route.method, body, ...attempt.options });
        const label = `${route.method} ${route.url} with ${attempt.label}: ${response.status}`;
        if (attempt.mustFail && response.status !== 403 && response.status !== 404) failures.push(`${label} (expected 403 or 404)`);
        if (response.status >= 500) failures.push(`${label} (server error)`);
        // The problem's `instance` echoes the path the caller sent; anything else of B is a leak.
        const leaked = secrets.find((secret) => response.text.replaceAll(path, '').includes(secret));
        if (leaked) failures.push(`${label} leaked "${leaked}"`);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshotOfB()).toBe(before);
  });

  it('still lets B use its own records (the fixtures are real)', async () => {
    const keys = await call(server, '/api/v1/api-keys', { apiKey: b.apiKey });
    expect(keys.status).toBe(200);
    expect(keys.json.data.map((k: { id: string }) => k.id)).toContain(fixturesOfB['/api/v1/api-keys/:id']);
    const members = await call(server, '/api/v1/members', { apiKey: b.apiKey });
    expect(members.json.data.map((m: { user_id: string }) => m.user_id)).toContain(fixturesOfB['/api/v1/members/:userId']);
  });
});
