import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Tables, Import } from '../../src/db/schema.js';
import { createImport } from '../../src/modules/contacts/import/import-service.js';
import { runImport, type RunOptions } from '../../src/modules/contacts/import/import-runner.js';
import type { ImportOptions, MappingEntry } from '../../src/modules/contacts/import/import-options.js';

export const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inflow-import-test-'));
let counter = 0;

/** A CSV file in a temporary folder, from text or bytes. */
export function csvFile(content: string | Buffer, name = `file-${++counter}.csv`): string {
  const file = path.join(tmpDir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** Creates an import of the file and runs it here, as the CLI does. */
export async function importFile(
  db: Kysely<Tables>,
  workspaceId: string,
  file: string,
  settings: { options?: Partial<ImportOptions>; mapping?: MappingEntry[]; run?: Partial<RunOptions> } = {},
): Promise<Import> {
  const created = await createImport(db, workspaceId, {
    filePath: file,
    fileName: path.basename(file),
    fileSize: fs.statSync(file).size,
    fileOwned: false,
    reportDir: tmpDir,
    mapping: settings.mapping ?? null,
    options: settings.options,
    start: true,
    runHere: true,
    actor: { type: 'system', id: null },
  });
  const { import: result } = await runImport(db, workspaceId, created.id, { runner: 'test', takeover: { force: true }, ...settings.run });
  return result!;
}

/** The rows of an import's error report. */
export function reportRows(imp: Import): string[] {
  if (!imp.error_report_path || Number(imp.error_report_bytes) === 0) return [];
  return fs.readFileSync(imp.error_report_path, 'utf8').slice(0, Number(imp.error_report_bytes)).split('\r\n').filter(Boolean);
}
