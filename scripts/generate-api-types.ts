// `npm run generate:api`: writes docs/openapi.json and web/src/api/schema.d.ts from the server's
// route schemas. A file whose text is unchanged is left alone, so its mtime does not make the
// dashboard look stale.
import fs from 'node:fs';
import { apiFiles, describeApi, relative, staleFiles } from './api-types.js';

const stale = staleFiles(await apiFiles(await describeApi()));
for (const file of stale) fs.writeFileSync(file.path, file.text);
console.log(stale.length === 0 ? 'API types are up to date' : `wrote ${stale.map(relative).join(', ')}`);
