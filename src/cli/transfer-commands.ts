// `inflow import …` and `inflow export …` where the database is: in this process, or inside the
// running server through the CLI bridge (import-client.ts and export-client.ts decide which).
import { createWriteStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type { QueryBuilder } from '../db/database.js';
import type { Import } from '../db/schema.js';
import { invalid, notFound } from '../errors.js';
import { contactsCsv } from '../modules/contacts/export/export-stream.js';
import { parseHead, readHead } from '../modules/contacts/import/csv-source.js';
import type { ImportOptions, MappingEntry } from '../modules/contacts/import/import-options.js';
import { cancelImport, createImport, importView, startImport } from '../modules/contacts/import/import-service.js';
import { importAnywhere } from '../modules/contacts/import/import-store.js';
import { mappingWithOverrides } from '../modules/contacts/import/mapping-resolution.js';
import { DEFAULT_PLACEHOLDERS } from '../modules/contacts/import/value-cleaning.js';
import { someWorkspaces, workspaceBySlug } from '../modules/workspaces/service.js';
import { UsageError } from './args.js';

export interface TransferContext {
  /** Where error reports go: the server's import folder. */
  importDir: string;
}

export const IMPORT_FLAGS = {
  workspace: { type: 'string' },
  tag: { type: 'string', multiple: true },
  'skip-existing': { type: 'boolean' },
  'keep-existing': { type: 'boolean' },
  placeholder: { type: 'string', multiple: true },
  'day-first': { type: 'boolean' },
  'create-fields': { type: 'boolean' },
  'no-new-fields': { type: 'boolean' },
  mapping: { type: 'string' },
  resume: { type: 'string' },
  json: { type: 'boolean' },
  // Bridge only: queue a job and answer at once; the CLI then polls `import status`.
  detach: { type: 'boolean' },
} as const;

export const EXPORT_FLAGS = {
  workspace: { type: 'string' },
  out: { type: 'string' },
  tag: { type: 'string', multiple: true },
  stage: { type: 'string' },
  q: { type: 'string' },
  list: { type: 'string' },
} as const;

type Flags = Parameters<typeof parseArgs>[0] & object;

/** Strict flags with at most `positionals` words besides them. */
export function parseCommand<T extends NonNullable<Flags['options']>>(argv: readonly string[], options: T, positionals: number) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (parsed.positionals.length > positionals) throw new UsageError(`unexpected argument "${parsed.positionals[positionals]}"`);
  return parsed;
}

/** The workspace named by --workspace, or the install's only one. */
export async function resolveWorkspace(db: QueryBuilder, slug: string | undefined): Promise<{ id: string; slug: string }> {
  if (slug) {
    const workspace = await workspaceBySlug(db, slug);
    if (!workspace) throw notFound(`Workspace "${slug}"`);
    return workspace;
  }
  const all = await someWorkspaces(db, 6);
  if (all.length === 1) return all[0]!;
  if (all.length === 0) throw notFound('Workspace (the install has none yet)');
  throw new UsageError(`--workspace is required: this install has several (${all.map((w) => w.slug).join(', ')}${all.length > 5 ? ', …' : ''})`);
}

/** An import for the CLI: its view plus the server-side paths the operator may open. */
export function importForCli(imp: Import) {
  return { ...importView(imp), workspace_id: imp.workspace_id, error_report_path: Number(imp.error_report_bytes) > 0 ? imp.error_report_path : null };
}

export async function findImport(db: QueryBuilder, id: string): Promise<Import> {
  const found = /^[0-9a-f-]{36}$/i.test(id) ? await importAnywhere(db, id) : undefined;
  if (!found) throw notFound(`Import ${id}`);
  return found;
}

/** The --mapping file: the API's list of entries, or `{ "header": "target" }` corrections of the guess. */
async function mappingFromFile(mappingFile: string, csvFile: string): Promise<MappingEntry[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(mappingFile, 'utf8'));
  } catch (err) {
    throw new UsageError(`--mapping ${mappingFile}: ${(err as Error).message}`);
  }
  if (Array.isArray(parsed)) return parsed as MappingEntry[];
  if (!parsed || typeof parsed !== 'object' || Object.values(parsed).some((v) => typeof v !== 'string')) {
    throw new UsageError('--mapping must hold a list of mapping entries or an object of "header": "field" pairs');
  }
  const head = await readHead(csvFile, null);
  const { mapping, errors } = mappingWithOverrides(parseHead(head.text, head.truncated).headers, parsed as Record<string, string>);
  if (errors.length > 0) throw invalid('The --mapping file does not fit the CSV file', errors);
  return mapping;
}

type ImportValues = ReturnType<typeof parseCommand<typeof IMPORT_FLAGS>>['values'];

/**
 * Creates the import the command line describes (or re-queues the one to resume). With
 * `runHere` no job is queued: the caller runs it.
 */
export async function prepareImport(db: QueryBuilder, values: ImportValues, file: string | undefined, context: TransferContext & { runHere: boolean }): Promise<Import> {
  if (values.resume) {
    const existing = await findImport(db, values.resume);
    return startImport(db, existing.workspace_id, existing.id, { runHere: context.runHere });
  }
  if (!file) throw new UsageError('name the CSV file: inflow import contacts FILE.csv');
  const absolute = path.resolve(file);
  const info = await stat(absolute).catch(() => null);
  if (!info?.isFile()) throw new UsageError(`${file} is not a file`);
  const workspace = await resolveWorkspace(db, values.workspace);
  const options: Partial<ImportOptions> = {
    on_existing: values['skip-existing'] ? 'skip' : 'update',
    keep_existing: values['keep-existing'] === true,
    tags: values.tag ?? [],
    placeholders: [...DEFAULT_PLACEHOLDERS, ...(values.placeholder ?? [])],
    day_first: values['day-first'] === true,
    // New fields are the default (no column dropped unseen); --create-fields stays accepted.
    create_fields: values['no-new-fields'] !== true,
  };
  return createImport(db, workspace.id, {
    filePath: absolute,
    fileName: path.basename(absolute),
    fileSize: info.size,
    fileOwned: false,
    reportDir: context.importDir,
    mapping: values.mapping ? await mappingFromFile(path.resolve(values.mapping), absolute) : null,
    options,
    start: true,
    runHere: context.runHere,
    actor: { type: 'system', id: null },
  });
}

type ExportValues = ReturnType<typeof parseCommand<typeof EXPORT_FLAGS>>['values'];

/** Writes the export to a file, page by page. */
export async function exportToFile(db: QueryBuilder, values: ExportValues, out: string): Promise<void> {
  const workspace = await resolveWorkspace(db, values.workspace);
  const csv = await contactsCsv(db, workspace.id, { tag: values.tag, stage: values.stage, q: values.q, list: values.list, custom: {} });
  await pipeline(Readable.from(csv), createWriteStream(out, { mode: 0o600 }));
}

/** The server side of the import and export commands (see runAdminCommand). */
export async function runTransferCommand(db: QueryBuilder, argv: readonly string[], context: TransferContext): Promise<string> {
  const [command, sub, ...rest] = argv;
  if (command === 'import' && sub === 'contacts') {
    const { values, positionals } = parseCommand(rest, IMPORT_FLAGS, 1);
    if (!values.detach) throw new UsageError('import contacts runs here only with --detach (the CLI runs it otherwise)');
    const imp = await prepareImport(db, values, positionals[0], { ...context, runHere: false });
    return `${JSON.stringify(importForCli(imp))}\n`;
  }
  if (command === 'import' && (sub === 'status' || sub === 'cancel')) {
    const { values, positionals } = parseCommand(rest, { json: { type: 'boolean' } }, 1);
    if (!positionals[0]) throw new UsageError(`name the import: inflow import ${sub} ID`);
    let imp = await findImport(db, positionals[0]);
    if (sub === 'cancel') imp = await cancelImport(db, imp.workspace_id, imp.id);
    const view = importForCli(imp);
    if (values.json) return `${JSON.stringify(view)}\n`;
    return `${Object.entries(view).filter(([k]) => k !== 'mapping' && k !== 'options').map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null && !(v instanceof Date) ? JSON.stringify(v) : String(v)}`).join('\n')}\n`;
  }
  if (command === 'export' && sub === 'contacts') {
    const { values } = parseCommand(rest, EXPORT_FLAGS, 0);
    if (!values.out) throw new UsageError('--out is required here');
    await exportToFile(db, values, path.resolve(values.out));
    return `exported to ${values.out}\n`;
  }
  throw new UsageError(`unknown command: ${argv.slice(0, 2).join(' ')}`);
}
