// t.js loads on every page of a customer's site, before anything of theirs needs the network:
// its size is a budget, checked on each build.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildTracker } from '../../scripts/build-embed.mjs';

describe('t.js', () => {
  it('stays under 3 KB gzipped, with no eval and no markup parsing', async () => {
    const { script } = await buildTracker({ write: false });
    const gzipped = gzipSync(script).length;
    expect(gzipped).toBeLessThan(3 * 1024);
    const text = Buffer.from(script).toString('utf8');
    expect(text).not.toMatch(/\beval\(|new Function\(|innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  }, 60_000);
});
