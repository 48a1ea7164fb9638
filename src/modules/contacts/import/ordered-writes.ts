// Writes an import's chunks with several transactions open at once on PostgreSQL, so that
// preparing one chunk (JavaScript) overlaps with the database writing the one before, while the
// import's checkpoint still only moves forward: chunk n commits only after chunk n-1 did.

/** Refused to commit because an earlier chunk did not. */
export class EarlierChunkFailed extends Error {
  constructor() {
    super('an earlier chunk of the import failed');
  }
}

export interface OrderedWritesOptions<C> {
  /** Chunks written at once; 1 writes them one after the other. */
  depth: number;
  /**
   * Writes a chunk in its own transaction and commits it once `earlierCommitted` resolves (it
   * rejects with EarlierChunkFailed when an earlier chunk failed: the chunk must then roll back).
   * `earlierCommitted` is null when no earlier chunk is in flight. `alone` says that no other
   * chunk will be written until this one ends.
   */
  write: (chunk: C, earlierCommitted: Promise<void> | null, alone: boolean) => Promise<void>;
  /**
   * Failures that come from writing concurrently rather than from the chunk: a chunk waiting for
   * a lock that a later chunk holds (the later one waits for it to commit) ends with a lock
   * timeout, and the chunks after it with EarlierChunkFailed. Those are written again, one at a time.
   */
  retryAlone: (err: unknown) => boolean;
}

export interface OrderedWrites<C> {
  /** Waits while `depth` chunks are in flight. */
  ready(): Promise<void>;
  /** Starts writing a chunk, once ready. */
  push(chunk: C): Promise<void>;
  /** Waits for every chunk pushed; throws the first failure that a retry did not mend. */
  drain(): Promise<void>;
}

export function orderedWrites<C>(options: OrderedWritesOptions<C>): OrderedWrites<C> {
  let inFlight: Array<{ chunk: C; done: Promise<void> }> = [];
  let lastCommitted: Promise<void> | null = null;

  /** Waits for every chunk in flight; rewrites, one at a time, those that failed for the others' sake. */
  const settle = async () => {
    const batch = inFlight;
    inFlight = [];
    lastCommitted = null;
    const outcomes = await Promise.allSettled(batch.map((b) => b.done));
    for (const [index, outcome] of outcomes.entries()) {
      if (outcome.status === 'fulfilled') continue;
      if (!options.retryAlone(outcome.reason)) throw outcome.reason;
      await options.write(batch[index]!.chunk, null, true);
    }
  };

  const ready = async () => {
    while (inFlight.length >= options.depth) {
      try {
        await inFlight[0]!.done;
        inFlight.shift();
      } catch {
        await settle();
      }
    }
  };

  return {
    ready,
    async push(chunk) {
      await ready();
      const done = options.write(chunk, lastCommitted, options.depth === 1);
      done.catch(() => undefined); // awaited by push, settle or drain
      const gate = done.then(
        () => undefined,
        () => {
          throw new EarlierChunkFailed();
        },
      );
      gate.catch(() => undefined); // awaited by the next chunk, if any
      lastCommitted = gate;
      inFlight.push({ chunk, done });
    },
    async drain() {
      while (inFlight.length > 0) await settle();
    },
  };
}
