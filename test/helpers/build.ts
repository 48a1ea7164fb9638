import fs from 'node:fs';
import path from 'node:path';
import { buildIfStale, root } from '../../scripts/build-if-stale.mjs';

const LOCK = path.join(root, '.build-lock');

/** The lock of a process that no longer runs (a run killed mid-build) is nobody's. */
function takeOverStaleLock(): void {
  const owner = Number(fs.readFileSync(path.join(LOCK, 'pid'), 'utf8').trim() || NaN);
  if (!Number.isInteger(owner)) return;
  try {
    process.kill(owner, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * Builds the product for tests that run it (browser, benchmarks). Test files run in parallel
 * processes, so a lock directory (mkdir is atomic) keeps two builds from writing at once; it
 * names its owner, so a lock left by a killed run is taken over instead of waited on.
 */
export async function buildProductOnce(): Promise<void> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      fs.writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${LOCK}; remove it if no build is running`);
      try {
        takeOverStaleLock();
      } catch {
        // Its owner has not written its pid yet, or just removed the lock: wait.
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    await buildIfStale(['server', 'embed', 'dashboard']);
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}
