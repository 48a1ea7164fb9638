import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { routesOf } from '../../src/http/route-index.js';
import { MODULES } from '../../src/modules/index.js';
import { call, createTenant, login, startTestServer, type Session, type Tenant, type TestServer } from '../helpers/server.js';
import { sampleFor } from '../helpers/sample-body.js';
import type { IsolationFixture, MakeIsolationFixture } from './isolation/fixture.js';

let server: TestServer;
let a: Tenant;
let b: Tenant;
let sessionA: Session;
let secrets: string[];
// B's value of every path parameter of every route, from each registered module's fixture
// (./isolation/<module>.ts). A route with a parameter no fixture knows fails the test below.
let paramsOfB: IsolationFixture['params'];

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
  paramsOfB = {};
  secrets = [b.workspaceId, b.slug, b.ownerEmail];
  // Every module registered brings its fixture: a new module without one fails here.
  for (const module of MODULES) {
    const { fixture } = (await import(`./isolation/${module.name}.ts`)) as { fixture: MakeIsolationFixture };
    const made = await fixture(server, b);
    Object.assign(paramsOfB, made.params);
    secrets.push(...made.secrets);
  }
});

afterAll(() => server.close());

function tenantRoutes() {
  return routesOf(server.app).filter(
    (r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD' && (r.config?.auth === 'workspace' || r.config?.auth === 'account'),
  );
}

function pathWithIdsOfB(url: string): string {
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = paramsOfB[url]?.[name];
    if (!value) throw new Error(`no value of workspace B for :${name} in ${url}: add one to its module's fixture in test/api/isolation/`);
    return encodeURIComponent(value);
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
      const body = bodySchema ? sampleFor(bodySchema, (id) => server.app.getSchema(id)) : undefined;
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
    expect(keys.json.data.map((k: { id: string }) => k.id)).toContain(paramsOfB['/api/v1/api-keys/:id']!.id);
    const members = await call(server, '/api/v1/members', { apiKey: b.apiKey });
    expect(members.json.data.map((m: { user_id: string }) => m.user_id)).toContain(paramsOfB['/api/v1/members/:userId']!.userId);
  });
});
