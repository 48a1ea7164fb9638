import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

const hostile = JSON.parse(readFileSync(new URL('../../../shared/fixtures/hostile-inputs.json', import.meta.url), 'utf8'));
const hostileStrings: string[] = [
  ...hostile.xss,
  ...hostile.sql,
  ...hostile.template_injection,
  ...hostile.header_injection,
  ...hostile.csv_formula,
  ...hostile.unicode,
  ...hostile.paths,
  ...hostile.urls,
];

let server: TestServer;
let tenant: Tenant;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenant(server);
});
afterAll(() => server.close());

function expectProblem(response: Awaited<ReturnType<typeof call>>, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.json).toMatchObject({ status, code, type: expect.stringMatching(/^urn:inflow:problem:/), title: expect.any(String), detail: expect.any(String) });
  expect(response.json.request_id).toBe(response.headers.get('x-request-id'));
}

async function stillServing() {
  const health = await call(server, '/healthz');
  expect(health.status).toBe(200);
}

describe('HTTP errors are problem+json, never 500', () => {
  it('answers /healthz while the database answers', async () => {
    const response = await call(server, '/healthz');
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ status: 'ok', database: server.database.kind });
  });

  it('answers unknown routes with 404 and wrong methods with 405 and Allow', async () => {
    expectProblem(await call(server, '/api/v1/nothing-here', { apiKey: tenant.apiKey }), 404, 'not_found');
    const wrong = await call(server, '/api/v1/api-keys', { method: 'PUT', apiKey: tenant.apiKey, body: {} });
    expectProblem(wrong, 405, 'method_not_allowed');
    expect(wrong.headers.get('allow')).toBe('GET, HEAD, POST');
  });

  it('rejects malformed bodies with 400', async () => {
    for (const raw of hostile.malformed_bodies as string[]) {
      const response = await call(server, '/api/v1/api-keys', { method: 'POST', apiKey: tenant.apiKey, rawBody: raw, headers: { 'content-type': 'application/json' } });
      expectProblem(response, 400, 'malformed_body');
    }
    await stillServing();
  });

  it('rejects other content types with 415', async () => {
    const response = await call(server, '/api/v1/api-keys', { method: 'POST', apiKey: tenant.apiKey, rawBody: '<x/>', headers: { 'content-type': 'application/xml' } });
    expectProblem(response, 415, 'unsupported_media_type');
  });

  it('names every failing field of a body with wrong types', async () => {
    const response = await call(server, '/api/v1/api-keys', { method: 'POST', apiKey: tenant.apiKey, body: { name: 123, role: 'emperor', extra: true } });
    expectProblem(response, 400, 'invalid_input');
    expect(response.json.errors).toEqual(
      expect.arrayContaining([
        { field: 'name', in: 'body', message: 'must be text' },
        { field: 'extra', in: 'body', message: 'is not a known field' },
        expect.objectContaining({ field: 'role', in: 'body' }),
      ]),
    );
    const missing = await call(server, '/api/v1/api-keys', { method: 'POST', apiKey: tenant.apiKey, body: {} });
    expect(missing.json.errors).toEqual(
      expect.arrayContaining([
        { field: 'name', in: 'body', message: 'is required' },
        { field: 'role', in: 'body', message: 'is required' },
      ]),
    );
  });

  it('rejects every wrong-typed JSON fixture with 400', async () => {
    for (const raw of hostile.wrong_types_json as string[]) {
      const response = await call(server, '/api/v1/members', { method: 'POST', apiKey: tenant.apiKey, rawBody: raw, headers: { 'content-type': 'application/json' } });
      expect([400]).toContain(response.status);
      expect(response.headers.get('content-type')).toMatch(/problem\+json/);
    }
  });

  it('refuses prototype pollution', async () => {
    for (const raw of hostile.prototype_pollution_json as string[]) {
      const response = await call(server, '/api/v1/api-keys', { method: 'POST', apiKey: tenant.apiKey, rawBody: raw, headers: { 'content-type': 'application/json' } });
      expect(response.status).toBe(400);
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('answers oversized bodies with 413 quickly, deep nesting and many fields with 400', async () => {
    const started = Date.now();
    const long = await call(server, '/api/v1/api-keys', {
      method: 'POST',
      apiKey: tenant.apiKey,
      body: { name: 'x'.repeat(hostile.sizes.long_string_chars), role: 'viewer' },
    });
    expectProblem(long, 400, 'invalid_input');
    const huge = await call(server, '/api/v1/api-keys', {
      method: 'POST',
      apiKey: tenant.apiKey,
      body: { name: 'x'.repeat(2 * hostile.sizes.long_string_chars), role: 'viewer' },
    });
    expectProblem(huge, 413, 'payload_too_large');
    const deep = '['.repeat(hostile.sizes.nesting_depth) + ']'.repeat(hostile.sizes.nesting_depth);
    expect((await call(server, '/api/v1/api-keys', { method: 'POST', apiKey: tenant.apiKey, rawBody: deep, headers: { 'content-type': 'application/json' } })).status).toBe(400);
    const many = Object.fromEntries(Array.from({ length: hostile.sizes.many_fields }, (_, i) => [`f${i}`, i]));
    const wide = await call(server, '/api/v1/api-keys', { method: 'POST', apiKey: tenant.apiKey, body: { name: 'n', role: 'viewer', ...many } });
    expectProblem(wide, 400, 'invalid_input');
    expect(Date.now() - started).toBeLessThan(5_000);
    await stillServing();
  });

  it('rejects a field value over its limit with the field named', async () => {
    const response = await call(server, '/api/v1/api-keys', { method: 'POST', apiKey: tenant.apiKey, body: { name: 'x'.repeat(201), role: 'viewer' } });
    expectProblem(response, 400, 'invalid_input');
    expect(response.json.errors[0]).toMatchObject({ field: 'name', in: 'body' });
  });

  it('stores hostile strings as plain data and returns them unchanged', async () => {
    for (const value of hostileStrings) {
      // Postgres text cannot hold NUL: such input is a clear 400, not a 500.
      const response = await call(server, '/api/v1/api-keys', { method: 'POST', apiKey: tenant.apiKey, body: { name: value, role: 'viewer' } });
      if (value.includes('\u0000')) {
        expectProblem(response, 400, 'invalid_input');
        continue;
      }
      expect(response.status, value).toBe(201);
      expect(response.json.name).toBe(value.trim() || 'API key');
    }
    await stillServing();
  });

  it('rejects hostile strings in paths and query strings with 4xx', async () => {
    for (const value of [...hostile.paths, ...hostile.sql, ...hostile.xss]) {
      const encoded = encodeURIComponent(value);
      const byId = await call(server, `/api/v1/api-keys/${encoded}`, { method: 'DELETE', apiKey: tenant.apiKey });
      expect(byId.status, value).toBeGreaterThanOrEqual(400);
      expect(byId.status, value).toBeLessThan(500);
      const byCursor = await call(server, `/api/v1/api-keys?cursor=${encoded}`, { apiKey: tenant.apiKey });
      expect(byCursor.status, value).toBe(400);
    }
    await stillServing();
  });

  it('treats hostile strings in the workspace header as an unknown workspace', async () => {
    const user = await call(server, '/api/v1/workspace', { apiKey: tenant.apiKey, workspace: "x'; DROP TABLE workspaces; --" });
    expectProblem(user, 403, 'forbidden');
  });

  it('serves the OpenAPI spec and a readable reference page', async () => {
    const spec = await call(server, '/api/openapi.json');
    expect(spec.status).toBe(200);
    expect(spec.json.openapi).toBe('3.1.0');
    expect(Object.keys(spec.json.paths)).toEqual(expect.arrayContaining(['/api/v1/api-keys', '/api/v1/members', '/api/auth/login']));
    expect(spec.json.paths['/api/v1/api-keys'].post.responses['201']).toBeDefined();
    const page = await call(server, '/api/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('swagger');
  });
});

describe('times', () => {
  it('refuses a leap second in any filter or timestamp, on both databases, as a field error', async () => {
    const leap = '2016-12-31T23:59:60Z';
    const filtered = await call(server, `/api/v1/contacts?created_after=${encodeURIComponent(leap)}`, { apiKey: tenant.apiKey });
    expectProblem(filtered, 400, 'invalid_input');
    expect(filtered.json.errors).toEqual([{ field: 'created_after', in: 'querystring', message: 'must be a valid date time' }]);
    const contact = (await call(server, '/api/v1/contacts', { method: 'POST', apiKey: tenant.apiKey, body: { email: 'leap@example.org' } })).json;
    const consent = await call(server, `/api/v1/contacts/${contact.id}/consents`, {
      method: 'POST',
      apiKey: tenant.apiKey,
      body: { purpose: 'email', granted: false, text_shown: '', source: 'test', occurred_at: leap },
    });
    expectProblem(consent, 400, 'invalid_input');
    expect(consent.json.errors[0]).toMatchObject({ field: 'occurred_at' });
    const created = await call(server, '/api/v1/contacts', { method: 'POST', apiKey: tenant.apiKey, body: { email: 'leap2@example.org', created_at: leap } });
    expectProblem(created, 400, 'invalid_input');
  });
});

describe('the NUL character in a query string', () => {
  it.each(['q', 'email', 'tag', 'custom.plan'])('is refused in %s before an export starts streaming', async (name) => {
    const response = await call(server, `/api/v1/contacts/export?${encodeURIComponent(name)}=a%00b`, { apiKey: tenant.apiKey });
    expectProblem(response, 400, 'invalid_input');
    expect(response.json.errors).toEqual([{ field: name, in: 'querystring', message: 'contains U+0000' }]);
  });
});
