import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from '../../src/db/jobs/worker.js';
import { jobHandlers } from '../../src/jobs.js';
import { call, createTenant, startTestServer, type TestServer } from '../helpers/server.js';

const importDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inflow-file-shapes-'));
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ config: { imports: { dir: importDir, maxBytes: 4 * 2 ** 20 } } as object });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(importDir, { recursive: true, force: true });
});

/** Uploads the file to a workspace of its own, runs the import, and answers the import and its contacts' emails. */
async function importShape(name: string, body: string | Buffer) {
  const tenant = await createTenant(server, `shape-${name}`);
  const created = await call(server, '/api/v1/imports', { method: 'POST', apiKey: tenant.apiKey, rawBody: body, headers: { 'content-type': 'text/csv' } });
  expect(created.status, JSON.stringify(created.json)).toBe(202);
  await new Worker(server.database.db, jobHandlers(), { concurrency: 1, pollMs: 10 }).runOnce();
  const imp = (await call(server, `/api/v1/imports/${created.json.id}`, { apiKey: tenant.apiKey })).json;
  const emails = ((await call(server, '/api/v1/contacts?limit=500', { apiKey: tenant.apiKey })).json.data as Array<{ email: string }>).map((c) => c.email).sort();
  return { imp, emails };
}

// Files as vendors and spreadsheets write them: each imports, or fails with a clear message.
describe('files in the shapes other tools write', () => {
  it('a byte-order mark', async () => {
    const { imp, emails } = await importShape('bom', '\ufeffEmail,First Name\nana@shape.test,Ana\n');
    expect(imp).toMatchObject({ status: 'done', rows_created: 1 });
    expect(emails).toEqual(['ana@shape.test']);
  });

  it('Excel’s sep=; first line, with semicolons', async () => {
    const { imp, emails } = await importShape('sep', 'sep=;\r\nEmail;First Name\r\nana@shape.test;Ana\r\nbo@shape.test;Bo\r\n');
    expect(imp).toMatchObject({ status: 'done', rows_created: 2 });
    expect(emails).toEqual(['ana@shape.test', 'bo@shape.test']);
  });

  it('semicolons as European Excel writes them, and mixed line endings', async () => {
    const { imp, emails } = await importShape('semi', 'Email;First Name;City\r\nana@shape.test;Ana;Recife\nbo@shape.test;Bo;Natal\rcy@shape.test;Cy;Olinda\r\n');
    expect(imp).toMatchObject({ status: 'done', rows_failed: 0 });
    expect(emails).toEqual(['ana@shape.test', 'bo@shape.test', 'cy@shape.test']);
  });

  it('duplicate header names, empty trailing columns and 1,000 columns', async () => {
    const dup = await importShape('dup', 'Email,Notes,Notes,,\nana@shape.test,a,b,,\n');
    expect(dup.imp).toMatchObject({ status: 'done', rows_created: 1 });
    const wide = Array.from({ length: 999 }, (_, i) => `Extra ${i}`);
    const many = await importShape('wide', `Email,${wide.join(',')}\nana@shape.test,${wide.map(() => 'x').join(',')}\n`);
    expect(many.imp.status).toMatch(/^(done|failed)$/);
    if (many.imp.status === 'failed') expect(many.imp.error).toBeTruthy();
  });

  it('a header row repeated mid-file', async () => {
    const { imp, emails } = await importShape('repeat', 'Email,First Name\nana@shape.test,Ana\nEmail,First Name\nbo@shape.test,Bo\n');
    expect(imp).toMatchObject({ status: 'done', rows_created: 2, rows_failed: 0, rows_warned: 1 });
    expect(imp.first_problems).toEqual([{ row: 3, column: '', value: '', message: 'the header row again: skipped', level: 'warning' }]);
    expect(emails).toEqual(['ana@shape.test', 'bo@shape.test']);
  });
});
