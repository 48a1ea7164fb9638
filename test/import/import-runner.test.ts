import fs from 'node:fs';
import { sql } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomField } from '../../src/modules/contacts/custom-field-service.js';
import { upsertContact } from '../../src/modules/contacts/service.js';
import { createWorkspace } from '../../src/modules/workspaces/service.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { csvFile, importFile, reportRows } from './import-helpers.js';

let database: TestDatabase;
let ws = 0;

async function workspace(): Promise<string> {
  const { id } = await createWorkspace(database.db, { slug: `imp-${++ws}`, name: 'Imports' }, null);
  await createCustomField(database.db, id, { key: 'visits', label: 'Visits', type: 'number' });
  await createCustomField(database.db, id, { key: 'newsletter', label: 'Newsletter', type: 'boolean' });
  await createCustomField(database.db, id, { key: 'notes', label: 'Notes', type: 'text' });
  return id;
}

function contacts(workspaceId: string) {
  return database.db.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId).orderBy('id').execute();
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('a CSV import', () => {
  it('is done with no rows for a header-only file', async () => {
    const id = await workspace();
    const imp = await importFile(database.db, id, csvFile('email,first_name\r\n'));
    expect(imp).toMatchObject({ status: 'done', rows_total: 0, rows_processed: 0, error: null });
    expect(reportRows(imp)).toEqual([]);
  });

  it('imports the good rows and reports each bad one by row number and column', async () => {
    const id = await workspace();
    const file = csvFile([
      'email,first_name,visits,newsletter',
      'ana@x.test,Ana,3,yes',
      'not-an-email,Bad,1,no',
      'bo@x.test,Bo,many,maybe',
      'short@x.test,Short',
      'extra@x.test,Extra,1,yes,surplus',
      'trail@x.test,Trail,2,no,,',
      ',,,',
      'cy@x.test,Cy,,',
    ].join('\n'));
    const imp = await importFile(database.db, id, file);
    expect(imp).toMatchObject({ status: 'done', rows_total: 8, rows_processed: 8, rows_created: 3, rows_updated: 0, rows_skipped: 1, rows_failed: 4 });
    expect(reportRows(imp)).toEqual([
      'row,column,value,message',
      '3,email,not-an-email,email is missing the @',
      '4,visits,many,must be a number',
      '4,newsletter,maybe,"must be yes or no (or true/false, 1/0)"',
      '5,,,the row has 2 values but the header has 4 columns',
      '6,,,the row has 5 values but the header has 4 columns',
    ]);
    expect((await contacts(id)).map((c) => [c.email, c.custom]).sort()).toEqual([
      ['ana@x.test', { visits: 3, newsletter: true }],
      ['cy@x.test', {}],
      ['trail@x.test', { visits: 2, newsletter: false }],
    ]);
  });

  it('merges rows of the same email within a file, later rows updating earlier ones, in any chunking', async () => {
    const text = 'email,first_name,city\ndup@x.test,First,Recife\nDUP@x.test,,Olinda\ndup@x.test,Third,\n';
    for (const chunkSize of [1, 2, 1000]) {
      const id = await workspace();
      const imp = await importFile(database.db, id, csvFile(text), { run: { chunkSize } });
      expect(imp, `chunks of ${chunkSize}`).toMatchObject({ rows_created: 1, rows_updated: 2, rows_failed: 0 });
      expect((await contacts(id)).map((c) => [c.email, c.first_name, c.city])).toEqual([['dup@x.test', 'Third', 'Olinda']]);
    }
  });

  it('writes each new contact’s creation to its timeline, naming the file, and each update’s changes', async () => {
    const id = await workspace();
    await upsertContact(database.db, id, { email: 'known@x.test', first_name: 'Old' }, { actor: { type: 'system', id: null } });
    const file = csvFile('email,first_name\nnew1@x.test,Ana\nnew2@x.test,Bo\nknown@x.test,New\n', 'spring-fair.csv');
    const imp = await importFile(database.db, id, file);
    const events = await database.db
      .selectFrom('contact_events').innerJoin('contacts', (j) => j.onRef('contacts.id', '=', 'contact_events.contact_id').onRef('contacts.workspace_id', '=', 'contact_events.workspace_id'))
      .select(['contacts.email', 'contact_events.kind', 'contact_events.actor_type', 'contact_events.actor_id', 'contact_events.data'])
      .where('contact_events.workspace_id', '=', id).where('contact_events.actor_type', '=', 'import').orderBy('contacts.email').execute();
    expect(events).toEqual([
      { email: 'known@x.test', kind: 'contact.updated', actor_type: 'import', actor_id: imp.id, data: { changes: { first_name: ['Old', 'New'] } } },
      { email: 'new1@x.test', kind: 'contact.created', actor_type: 'import', actor_id: imp.id, data: { file_name: 'spring-fair.csv' } },
      { email: 'new2@x.test', kind: 'contact.created', actor_type: 'import', actor_id: imp.id, data: { file_name: 'spring-fair.csv' } },
    ]);
  });

  it('dates new contacts by the file’s creation date column, leaving existing contacts’ dates alone', async () => {
    const id = await workspace();
    const { contact: known } = await upsertContact(database.db, id, { email: 'known@x.test' }, { actor: { type: 'system', id: null } });
    const file = csvFile(['Email,Create Date', 'old@x.test,04/03/2019 14:30', 'iso@x.test,2020-01-02', 'known@x.test,2001-01-01', 'bad@x.test,someday', 'future@x.test,2999-01-01'].join('\n'));
    const imp = await importFile(database.db, id, file);
    expect(imp).toMatchObject({ rows_created: 2, rows_updated: 1, rows_failed: 2 });
    expect(reportRows(imp)).toEqual([
      'row,column,value,message',
      '5,Create Date,someday,must be a date: YYYY-MM-DD or MM/DD/YYYY',
      '6,Create Date,2999-01-01,must not be in the future',
    ]);
    const dates = Object.fromEntries((await contacts(id)).map((c) => [c.email, c.created_at.toISOString()]));
    expect(dates).toEqual({ 'old@x.test': '2019-04-03T14:30:00.000Z', 'iso@x.test': '2020-01-02T00:00:00.000Z', 'known@x.test': known.created_at.toISOString() });
    const created = await database.db.selectFrom('contact_events').select(['kind', 'occurred_at']).where('workspace_id', '=', id).where('actor_type', '=', 'import').orderBy('occurred_at').execute();
    expect(created.map((e) => [e.kind, e.occurred_at.toISOString()])).toEqual([
      ['contact.created', '2019-04-03T14:30:00.000Z'],
      ['contact.created', '2020-01-02T00:00:00.000Z'],
    ]);
  });

  it('with on_existing = skip, never touches an existing contact and keeps the first row of a person', async () => {
    const text = 'email,first_name,city\nold@x.test,Changed,Changed\ndup@x.test,First,Recife\ndup@x.test,Second,Olinda\n';
    for (const chunkSize of [1, 1000]) {
      const id = await workspace();
      await upsertContact(database.db, id, { email: 'OLD@x.test', first_name: 'Old' }, { actor: { type: 'system', id: null } });
      const imp = await importFile(database.db, id, csvFile(text), { options: { on_existing: 'skip' }, run: { chunkSize } });
      expect(imp, `chunks of ${chunkSize}`).toMatchObject({ rows_created: 1, rows_updated: 0, rows_skipped: 2 });
      expect((await contacts(id)).map((c) => [c.email, c.first_name, c.city]).sort()).toEqual([
        ['OLD@x.test', 'Old', null],
        ['dup@x.test', 'First', 'Recife'],
      ]);
    }
  });

  it('adds the import’s tags and keeps filled-in fields when asked to', async () => {
    const id = await workspace();
    await upsertContact(database.db, id, { email: 'keep@x.test', first_name: 'Keep', tags: ['old'] }, { actor: { type: 'system', id: null } });
    await importFile(database.db, id, csvFile('email,first_name,city,tags\nkeep@x.test,Other,Recife,vip\n'), { options: { keep_existing: true, tags: ['fair'] } });
    expect((await contacts(id)).map((c) => [c.first_name, c.city, c.tags])).toEqual([['Keep', 'Recife', ['old', 'fair', 'vip']]]);
  });

  it('stores hostile strings as data', async () => {
    const hostile = JSON.parse(fs.readFileSync(new URL('../../../shared/fixtures/hostile-inputs.json', import.meta.url), 'utf8'));
    const texts: string[] = [...hostile.xss, ...hostile.sql, ...hostile.template_injection, ...hostile.header_injection, ...hostile.csv_formula, ...hostile.unicode, ...hostile.paths];
    const id = await workspace();
    const rows = texts.map((text, i) => [`h${i}@x.test`, text.slice(0, 200), text]);
    const imp = await importFile(database.db, id, csvFile(stringify([['email', 'first_name', 'remarks'], ...rows])));
    expect(imp.error).toBeNull();
    // A NUL (U+0000) cannot be stored: its row fails with that reason rather than lose the character.
    const withNul = texts.filter((text) => text.includes('\u0000'));
    expect(withNul.length).toBeGreaterThan(0);
    expect(imp).toMatchObject({ status: 'done', rows_failed: withNul.length, rows_created: texts.length - withNul.length });
    expect(reportRows(imp).slice(1).every((row) => row.includes('holds a NUL character'))).toBe(true);
    const stored = new Map((await contacts(id)).map((c) => [c.email, c]));
    const clean = (s: string) => s.replace(/\uFEFF/g, '').replace(/\r\n?/g, '\n').normalize('NFC').trim();
    texts.forEach((text, i) => {
      if (text.includes('\u0000')) expect(stored.has(`h${i}@x.test`)).toBe(false);
      else expect(stored.get(`h${i}@x.test`)?.custom.remarks ?? null, JSON.stringify(text)).toBe(clean(text) || null);
    });
    const emails = [...hostile.emails_invalid.filter((e: string) => e.trim()), ...hostile.emails_valid_unusual];
    const second = await importFile(database.db, id, csvFile(stringify([['email'], ...emails.map((e: string) => [e])])));
    expect(second).toMatchObject({ rows_failed: hostile.emails_invalid.filter((e: string) => e.trim()).length, rows_created: 3 });
  });

  it('reads a Windows-1252 file and says so', async () => {
    const id = await workspace();
    const imp = await importFile(database.db, id, csvFile(Buffer.from('Nome,Email\nJos\xe9 Concei\xe7\xe3o,jose@x.test\n', 'latin1')));
    expect(imp).toMatchObject({ status: 'done', encoding: 'windows-1252', rows_created: 1 });
    expect((await contacts(id))[0]).toMatchObject({ first_name: 'José', last_name: 'Conceição' });
  });

  it('fails with a clear error for files it cannot read or map', async () => {
    const id = await workspace();
    const utf16 = await importFile(database.db, id, csvFile(Buffer.from('\ufeffemail\nx@y.test\n', 'utf16le')));
    expect(utf16).toMatchObject({ status: 'failed', error: expect.stringContaining('UTF-16') });
    const noIdentity = await importFile(database.db, id, csvFile('name,city\nAna,Recife\n'));
    expect(noIdentity).toMatchObject({ status: 'failed', error: expect.stringContaining('no column is mapped to email or external_id') });
    const unclosed = await importFile(database.db, id, csvFile('email,city\na@x.test,Recife\nb@x.test,"Olinda\nc@x.test,Paulista\n'));
    expect(unclosed).toMatchObject({ status: 'failed', rows_created: 1, rows_failed: 1, error: expect.stringContaining('Row 3: a quoted value starts here') });
    expect(reportRows(unclosed)[1]).toContain('3,,,"a quoted value starts here');
  });
});

describe('an interrupted import', () => {
  const rows = Array.from({ length: 25 }, (_, i) => (i % 10 === 7 ? `bad-${i},n${i}` : `p${i}@x.test,n${i}`));
  const text = `email,first_name\n${rows.join('\n')}\n`;

  it('resumes after the last chunk that committed, writing each row and each error once', async () => {
    const id = await workspace();
    const controller = new AbortController();
    let chunks = 0;
    const first = await importFile(database.db, id, csvFile(text), {
      // One writer: with two, the chunk after the abort is already on its way and commits too.
      run: { chunkSize: 5, writers: 1, signal: controller.signal, onProgress: () => ++chunks === 2 && controller.abort() },
    });
    expect(first).toMatchObject({ status: 'queued', checkpoint: 10, rows_processed: 10, rows_failed: 1 });
    expect(await contacts(id)).toHaveLength(9);
    const { runImport } = await import('../../src/modules/contacts/import/import-runner.js');
    const { outcome, import: done } = await runImport(database.db, id, first.id, { runner: 'second' });
    expect(outcome).toBe('done');
    expect(done).toMatchObject({ status: 'done', rows_total: 25, rows_processed: 25, rows_created: 23, rows_failed: 2, checkpoint: 25 });
    expect(await contacts(id)).toHaveLength(23);
    const created = await database.db.selectFrom('contact_events').select(sql<number>`count(*)`.as('n')).where('workspace_id', '=', id).where('kind', '=', 'contact.created').executeTakeFirstOrThrow();
    expect(Number(created.n)).toBe(23);
    expect(reportRows(done!).map((line) => line.split(',')[0])).toEqual(['row', '9', '19']);
  });

  it('after a crash, drops what the chunk that never committed wrote to the report', async () => {
    const id = await workspace();
    const controller = new AbortController();
    const first = await importFile(database.db, id, csvFile(text), { run: { chunkSize: 10, writers: 1, signal: controller.signal, onProgress: () => controller.abort() } });
    expect(first.checkpoint).toBe(10);
    // As if the next chunk had appended its errors and the process died before its commit.
    fs.appendFileSync(first.error_report_path!, '19,email,bad-17,from a chunk that never committed\r\n');
    await database.db.updateTable('imports').set({ status: 'running', runner: 'dead', updated_at: sql`now() - interval '1 hour'` }).where('id', '=', first.id).execute();
    const { runImport } = await import('../../src/modules/contacts/import/import-runner.js');
    const { import: done } = await runImport(database.db, id, first.id, { runner: 'after-crash' });
    expect(done).toMatchObject({ status: 'done', rows_processed: 25, rows_created: 23, rows_failed: 2 });
    expect(reportRows(done!).filter((line) => line.startsWith('19,'))).toEqual(['19,email,bad-17,email is missing the @']);
  });

  it('is not taken from a runner that is alive, and stops when cancelled', async () => {
    const id = await workspace();
    const { createImport, cancelImport } = await import('../../src/modules/contacts/import/import-service.js');
    const { runImport } = await import('../../src/modules/contacts/import/import-runner.js');
    const file = csvFile(text);
    const imp = await createImport(database.db, id, { filePath: file, fileName: 'f.csv', fileSize: fs.statSync(file).size, fileOwned: false, reportDir: file + '.d', start: true, runHere: true, actor: { type: 'system', id: null } });
    await database.db.updateTable('imports').set({ status: 'running', runner: 'alive' }).where('id', '=', imp.id).execute();
    expect((await runImport(database.db, id, imp.id, { runner: 'intruder' })).outcome).toBe('not_claimed');
    await database.db.updateTable('imports').set({ status: 'queued', runner: null }).where('id', '=', imp.id).execute();
    let cancelling: Promise<unknown> | null = null;
    const result = await runImport(database.db, id, imp.id, { runner: 'r', chunkSize: 5, onProgress: () => (cancelling ??= cancelImport(database.db, id, imp.id)) });
    await cancelling;
    expect(result.outcome).toBe('cancelled');
    expect(result.import!.status).toBe('cancelled');
    const written = result.import!.rows_created;
    expect(written).toBeLessThan(23);
    expect(await contacts(id)).toHaveLength(written);
  });
});
