import { describe, expect, it } from 'vitest';
import { EarlierChunkFailed, orderedWrites } from './ordered-writes.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

class LockTimeout extends Error {
  code = '55P03';
}

/** A fake writer that "commits" by appending to `committed`, after waiting for the earlier chunk. */
function recorder(fail: (chunk: number, alone: boolean) => Error | null = () => null) {
  const committed: number[] = [];
  const calls: Array<{ chunk: number; alone: boolean }> = [];
  let open = 0;
  let maxOpen = 0;
  const write = async (chunk: number, earlierCommitted: Promise<void> | null, alone: boolean) => {
    calls.push({ chunk, alone });
    open++;
    maxOpen = Math.max(maxOpen, open);
    try {
      await tick();
      const error = fail(chunk, alone);
      if (error) throw error;
      if (earlierCommitted) await earlierCommitted;
      committed.push(chunk);
    } finally {
      open--;
    }
  };
  return { write, committed, calls, maxOpen: () => maxOpen };
}

const retryAlone = (err: unknown) => err instanceof EarlierChunkFailed || (err as { code?: string }).code === '55P03';

describe('orderedWrites', () => {
  it('keeps `depth` chunks in flight and commits them in order', async () => {
    const r = recorder();
    const writes = orderedWrites({ depth: 2, write: r.write, retryAlone });
    for (let chunk = 1; chunk <= 6; chunk++) await writes.push(chunk);
    await writes.drain();
    expect(r.committed).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.maxOpen()).toBe(2);
  });

  it('writes again, one at a time, the chunk that timed out waiting for a later one, and the chunks after it', async () => {
    const r = recorder((chunk, alone) => (chunk === 3 && !alone ? new LockTimeout() : null));
    const writes = orderedWrites({ depth: 2, write: r.write, retryAlone });
    for (let chunk = 1; chunk <= 5; chunk++) await writes.push(chunk);
    await writes.drain();
    expect(r.committed).toEqual([1, 2, 3, 4, 5]);
    expect(r.calls.filter((c) => c.alone).map((c) => c.chunk)).toEqual([3, 4]);
  });

  it('stops at a failure that is the chunk’s own, and commits nothing after it', async () => {
    const r = recorder((chunk) => (chunk === 2 ? new Error('database gone') : null));
    const writes = orderedWrites({ depth: 2, write: r.write, retryAlone });
    const pushing = (async () => {
      for (let chunk = 1; chunk <= 5; chunk++) await writes.push(chunk);
      await writes.drain();
    })();
    await expect(pushing).rejects.toThrow('database gone');
    expect(r.committed).toEqual([1]);
  });

  it('with depth 1 writes each chunk alone', async () => {
    const r = recorder();
    const writes = orderedWrites({ depth: 1, write: r.write, retryAlone });
    for (let chunk = 1; chunk <= 3; chunk++) await writes.push(chunk);
    await writes.drain();
    expect(r.committed).toEqual([1, 2, 3]);
    expect(r.calls.every((c) => c.alone)).toBe(true);
    expect(r.maxOpen()).toBe(1);
  });
});
