import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, startTestServer, type Tenant, type TestServer } from '../helpers/server.js';

let server: TestServer;
let tenant: Tenant;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenant(server, 'find-by-key');
  const contacts = [
    { email: 'ana.souza@acme-example.com', first_name: 'Ana', last_name: 'Souza', phone: '+55 (11) 98765-4321' },
    { email: 'ana.lima@acme-example.com', first_name: 'Ana', last_name: 'Lima', phone: '11 3333-4444' },
    { external_id: '00Q5g00000AbCdEFG', first_name: 'Bruno', phone: '(81) 99999-0000' },
    { external_id: 'hs-4242' },
  ];
  expect((await api('/api/v1/contacts/batch', 'POST', { contacts })).json.failed).toBe(0);
});
afterAll(() => server.close());

const api = (path: string, method = 'GET', body?: unknown) => call(server, path, { method, apiKey: tenant.apiKey, body });
const found = async (query: string) => ((await api(`/api/v1/contacts?${query}`)).json.data as Array<{ first_name: string | null; external_id: string | null }>).map((c) => c.first_name ?? c.external_id).sort();

describe('finding a contact by any key', () => {
  it('filters by external id, exactly', async () => {
    expect(await found('external_id=00Q5g00000AbCdEFG')).toEqual(['Bruno']);
    expect(await found('external_id=00Q5g00000')).toEqual([]);
  });

  it('filters by phone, comparing digits however the number is written', async () => {
    expect(await found(`phone=${encodeURIComponent('5511987654321')}`)).toEqual(['Ana']);
    expect(await found(`phone=${encodeURIComponent('+55 11 98765 4321')}`)).toEqual(['Ana']);
    expect(await found(`phone=${encodeURIComponent('11 98765-4321')}`)).toEqual([]);
    expect(await found('phone=none')).toEqual([]);
  });

  it('searches by full name, external id and the start of a phone number', async () => {
    expect(await found('q=Ana%20Souza')).toEqual(['Ana']);
    expect(await found('q=ana%20s')).toEqual(['Ana']);
    expect(await found('q=ana')).toEqual(['Ana', 'Ana']);
    expect(await found('q=hs-4242')).toEqual(['hs-4242']);
    expect(await found(`q=${encodeURIComponent('(81) 9999')}`)).toEqual(['Bruno']);
    expect(await found(`q=${encodeURIComponent('+55 11 98765')}`)).toEqual(['Ana']);
    // Too few digits to mean a phone number: no match on every phone.
    expect(await found('q=11')).toEqual([]);
  });
});
