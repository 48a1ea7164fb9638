// Bundles the embed scripts (embed/f.ts → dist/embed/f.js, with its stylesheet inlined, and
// f.css beside it for browsers without constructable stylesheets): one minified file, no
// dependencies, for old browsers too.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { root } from './build-if-stale.mjs';

export const embedOut = path.join(root, 'dist/embed');

export async function buildEmbed({ write = true } = {}) {
  const result = await build({
    entryPoints: [path.join(root, 'embed/f.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2019',
    loader: { '.css': 'text' },
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  const script = result.outputFiles[0].contents;
  const css = fs.readFileSync(path.join(root, 'embed/f.css'));
  if (write) {
    fs.mkdirSync(embedOut, { recursive: true });
    fs.writeFileSync(path.join(embedOut, 'f.css'), css);
    fs.writeFileSync(path.join(embedOut, 'f.js'), script);
  }
  return { script, css };
}

if (import.meta.url === `file://${process.argv[1]}`) await buildEmbed();
