// What the server says its API is, and the dashboard's types generated from it. Shared by
// `npm run generate:api` (writes the files) and the test that fails when they drift.
import fs from 'node:fs';
import path from 'node:path';
import openapiTS, { type OpenAPI3 } from 'openapi-typescript';
import { openDatabase } from '../src/db/database.js';
import { buildApp } from '../src/http/app.js';
import { MODULES } from '../src/modules/index.js';
import { rootDir, version } from '../src/paths.js';

export interface ApiFile {
  path: string;
  text: string;
}

/** The OpenAPI document (for API users and for review) and the TypeScript the dashboard imports. */
export const SPEC_FILE = path.join(rootDir, 'docs/openapi.json');
export const TYPES_FILE = path.join(rootDir, 'web/src/api/schema.d.ts');

/** The spec as the app serves it: built in process over an empty in-memory database, never listening. */
export async function describeApi(): Promise<object> {
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    const app = await buildApp({
      database,
      modules: MODULES,
      config: { trustProxy: false, publicUrl: null, logLevel: 'silent' },
      version,
      logger: false,
    });
    const spec = app.swagger();
    await app.close();
    return spec;
  } finally {
    await database.close();
  }
}

/** Both files' text for a spec; generation writes them, the drift test compares them. */
export async function apiFiles(spec: object): Promise<ApiFile[]> {
  const json = JSON.stringify(spec, null, 2);
  // openapi-typescript may annotate the object it is given: hand it a copy.
  const types = await openapiTS(JSON.parse(json) as OpenAPI3, { exportType: false });
  return [
    { path: SPEC_FILE, text: `${json}\n` },
    { path: TYPES_FILE, text: types },
  ];
}

/** The files whose checked-in text differs from what they should say. */
export function staleFiles(files: readonly ApiFile[]): ApiFile[] {
  return files.filter((f) => !fs.existsSync(f.path) || fs.readFileSync(f.path, 'utf8') !== f.text);
}

export const relative = (file: ApiFile) => path.relative(rootDir, file.path);
