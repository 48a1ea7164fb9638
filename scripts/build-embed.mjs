// Bundles the embed scripts: embed/f.ts → dist/embed/f.js, with its stylesheet inlined, and
// f.css beside it for browsers without constructable stylesheets; embed/t.ts → dist/embed/t.js,
// the tracker. Each is one minified file, no dependencies, for old browsers too.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { root } from './build-if-stale.mjs';

export const embedOut = path.join(root, 'dist/embed');

async function bundle(entry) {
  const result = await build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2019',
    loader: { '.css': 'text' },
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0].contents;
}

export async function buildEmbed({ write = true } = {}) {
  const script = await bundle('embed/f.ts');
  const css = fs.readFileSync(path.join(root, 'embed/f.css'));
  if (write) {
    fs.mkdirSync(embedOut, { recursive: true });
    fs.writeFileSync(path.join(embedOut, 'f.css'), css);
    fs.writeFileSync(path.join(embedOut, 'f.js'), script);
  }
  return { script, css };
}

export async function buildTracker({ write = true } = {}) {
  const script = await bundle('embed/t.ts');
  if (write) {
    fs.mkdirSync(embedOut, { recursive: true });
    fs.writeFileSync(path.join(embedOut, 't.js'), script);
  }
  return { script };
}

if (import.meta.url === `file://${process.argv[1]}`) await Promise.all([buildEmbed(), buildTracker()]);
