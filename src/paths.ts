import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

// This file sits one level below the project root both as src/paths.ts and as dist/paths.js.
export const rootDir = fileURLToPath(new URL('..', import.meta.url));
export const webDistDir = fileURLToPath(new URL('../web/dist', import.meta.url));
export const embedDistDir = fileURLToPath(new URL('../dist/embed', import.meta.url));

export const version: string = (
  JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
