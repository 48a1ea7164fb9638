import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratedDataDir, runCli, startServerProcess, type ServerProcess } from '../helpers/process.js';

const dataset = fileURLToPath(new URL('../../../shared/datasets/x-education-leads.csv', import.meta.url));
let dir: string;
let env: Record<string, string>;
let server: ServerProcess;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inflow-cli-import-'));
  env = {
    INFLOW_DATA_DIR: migratedDataDir(path.join(dir, 'data')),
    DATABASE_URL: '',
    INFLOW_ADMIN_EMAIL: 'owner@example.com',
    INFLOW_ADMIN_PASSWORD: 'owner-password',
    INFLOW_WORKSPACE: 'acme',
  };
  server = await startServerProcess(env);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('inflow import and export beside a running server (embedded database)', () => {
  let importId = '';

  it('imports the X Education export through the server, with progress on stderr and a summary', async () => {
    const result = await runCli(['import', 'contacts', dataset, '--create-fields', '--tag', 'xed'], env, 180_000);
    expect(result.stderr).toMatch(/\[#{24}\] 100%  9,240\/9,240 rows/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^import: [0-9a-f-]{36}\nstatus: done\nfile: x-education-leads\.csv\nrows: 9240\ncreated: 9240\nupdated: 0\nskipped: 0\nfailed: 0\n$/);
    importId = /^import: (\S+)$/m.exec(result.stdout)![1]!;
  }, 200_000);

  it('exports to standard output while the server runs, formula-safe and filtered', async () => {
    const result = await runCli(['export', 'contacts', '--tag', 'xed'], env, 60_000);
    expect(result.code).toBe(0);
    const rows = parse(result.stdout, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(9240);
    expect(rows.find((r) => r.external_id === '7927b2df-8bba-4d29-b9a2-b6e0beafe620')).toMatchObject({ origin: 'API', source: 'Olark Chat', 'custom.lead_number': '660737', tags: 'xed; Interested in other courses' });
    expect(fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('inflow-export-'))).toEqual([]);
  }, 90_000);

  it('reports bad rows with the error report’s path, and writes --out files', async () => {
    const file = path.join(dir, 'bad.csv');
    fs.writeFileSync(file, 'email,first_name\nok@acme.test,Ok\nnot-an-email,Bad\n');
    const result = await runCli(['import', 'contacts', file, '--workspace', 'acme', '--json'], env);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ status: 'done', rows_created: 1, rows_failed: 1 });
    expect(fs.readFileSync(summary.error_report_path, 'utf8')).toBe('row,column,value,message\r\n3,email,not-an-email,email is missing the @\r\n');
    const out = path.join(dir, 'out.csv');
    expect((await runCli(['export', 'contacts', '--out', out, '--q', 'ok@'], env)).code).toBe(0);
    expect((parse(fs.readFileSync(out), { bom: true, columns: true }) as Array<Record<string, string>>).map((r) => r.email)).toEqual(['ok@acme.test']);
  }, 60_000);

  it('shows an import’s status, and refuses to resume a finished one', async () => {
    const status = await runCli(['import', 'status', importId], env);
    expect(status.stdout).toContain('status: done');
    const resume = await runCli(['import', 'contacts', '--resume', importId], env);
    expect(resume.code).toBe(1);
    expect(resume.stderr).toContain('The import is done');
    const usage = await runCli(['import', 'contacts'], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('name the CSV file');
  }, 60_000);
});

describe('inflow import and export with no server running', () => {
  it('runs the import in the CLI process itself', async () => {
    const own = { ...env, INFLOW_DATA_DIR: migratedDataDir(path.join(dir, 'offline')) };
    expect((await runCli(['user', 'create', '--email', 'o@acme.test', '--password', 'owner-password', '--workspace', 'solo'], own)).code).toBe(0);
    const file = path.join(dir, 'solo.csv');
    fs.writeFileSync(file, 'Email;Nome;Telefone;Código\nana@acme.test;Ana Souza;+55 81 99999-0000;00123\n');
    const mapping = path.join(dir, 'mapping.json');
    fs.writeFileSync(mapping, JSON.stringify({ Código: 'custom:client_code' }));
    const imported = await runCli(['import', 'contacts', file, '--mapping', mapping, '--create-fields'], own);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('created: 1');
    const exported = await runCli(['export', 'contacts'], own);
    const [row] = parse(exported.stdout, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(row).toMatchObject({ email: 'ana@acme.test', first_name: 'Ana', last_name: 'Souza', phone: "'+55 81 99999-0000", 'custom.client_code': '00123' });
  }, 90_000);
});
