// The house rules of DESIGN.md that the compiler cannot check: the module graph runs one way
// (lowest first, as src/modules/index.ts lists the modules), no module names another's tables,
// and the HTTP core knows no module's internals.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MODULES } from '../src/modules/index.js';

const src = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The folder of each registered module; the event log is core code in src/events/. */
const folderOf = (name: string) => (name === 'events' ? path.join(src, 'events') : path.join(src, 'modules', name));
const rank = new Map(MODULES.map((module, index) => [module.name, index]));
const owner = new Map(MODULES.flatMap((module) => module.tables.map((table) => [table, module.name] as const)));
// Tables of the core: the job queue (src/db/jobs/) and the migrator's own.
const coreTables = new Map([['jobs', path.join(src, 'db', 'jobs')]]);

function moduleOfFile(file: string): string | null {
  for (const module of MODULES) if (file.startsWith(folderOf(module.name) + path.sep)) return module.name;
  return null;
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+'(\.[^']+)'/gm)].map((m) => path.resolve(path.dirname(file), m[1]!));
}

/** Tables a file names in a query: Kysely calls, and SQL text in sql`…` templates (from, join, into, update). */
function tablesNamedIn(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found = new Set<string>();
  for (const m of text.matchAll(/\b(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin|mergeInto|with)\(\s*'([a-z_]+)/g)) found.add(m[1]!);
  for (const template of text.matchAll(/\bsql(?:<[^>`]*>)?`([^`]*)`/g)) {
    for (const m of template[1]!.matchAll(/\b(?:from|join|into|update)\s+([a-z_]+)\b/gi)) found.add(m[1]!);
  }
  return [...found].filter((table) => owner.has(table) || coreTables.has(table));
}

describe('the module graph', () => {
  it('lists every module folder in the registry', () => {
    const folders = fs.readdirSync(path.join(src, 'modules'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((folder) => !rank.has(folder))).toEqual([]);
  });

  it('runs one way: a module imports only modules listed before it', () => {
    const against: string[] = [];
    for (const module of MODULES) {
      for (const file of sourceFiles(folderOf(module.name))) {
        for (const target of importsOf(file)) {
          const other = moduleOfFile(target);
          if (other && other !== module.name && rank.get(other)! > rank.get(module.name)!) {
            against.push(`${path.relative(src, file)} imports ${path.relative(src, target)} (${other} comes after ${module.name})`);
          }
        }
      }
    }
    expect(against).toEqual([]);
  });

  it('keeps each table to the module that owns it', () => {
    const trespass: string[] = [];
    for (const file of sourceFiles(src)) {
      if (file.includes(`${path.sep}migrations${path.sep}`) || file.endsWith(`${path.sep}schema.ts`) && file.includes(`${path.sep}db${path.sep}`)) continue;
      const mine = moduleOfFile(file);
      for (const table of tablesNamedIn(file)) {
        const core = coreTables.get(table);
        const allowed = core ? file.startsWith(core + path.sep) : owner.get(table) === mine;
        if (!allowed) trespass.push(`${path.relative(src, file)} names ${table} (${owner.get(table) ?? 'core'}'s)`);
      }
    }
    expect(trespass).toEqual([]);
  });

  it('keeps the HTTP core free of module internals', () => {
    const reaching = sourceFiles(path.join(src, 'http')).flatMap((file) =>
      importsOf(file)
        .filter((target) => moduleOfFile(target) !== null)
        .map((target) => `${path.relative(src, file)} imports ${path.relative(src, target)}`),
    );
    expect(reaching).toEqual([]);
  });

  it('gives every table to exactly one module', () => {
    const all = MODULES.flatMap((module) => module.tables);
    expect(all.length).toBe(new Set(all).size);
  });
});
