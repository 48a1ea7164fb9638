import fs from 'node:fs';
import path from 'node:path';
import { buildIfStale, root } from '../../scripts/build-if-stale.mjs';

const LOCK = path.join(root, '.build-lock');

/**
 * Builds the product for tests that run it (browser, benchmarks). Test files run in parallel
 * processes, so a lock directory (mkdir is atomic) keeps two builds from writing at once.
 */
export async function buildProductOnce(): Promise<void> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${LOCK}; remove it if no build is running`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    buildIfStale(['server', 'dashboard']);
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}
