// When the disk under the embedded database fills, PostgreSQL inside PGlite cannot start its next
// WAL segment (16 MB) and spins for ever: every request hangs, /healthz too, and freeing space
// does not bring it back. So writes stop while some space is still left: below a reserve, a
// statement that writes is refused before it reaches the database, and reads go on.
import fs from 'node:fs';
import { AppError } from '../errors.js';
import { formatBytes } from '../lib/bytes.js';

export interface DiskSpace {
  /** The directory whose file system is watched. */
  readonly dir: string;
  readonly reserveBytes: number;
  /** Bytes free for us on that file system, read at most once a second. */
  freeBytes(): number;
  /** Whether writes are refused: less than the reserve is free. */
  low(): boolean;
}

const RECHECK_MS = 1_000;

export function watchDiskSpace(dir: string, reserveBytes: number, now: () => number = Date.now): DiskSpace {
  let checkedAt = -Infinity;
  let free = Infinity;
  const freeBytes = () => {
    if (now() - checkedAt >= RECHECK_MS) {
      const stats = fs.statfsSync(dir);
      free = stats.bavail * stats.bsize;
      checkedAt = now();
    }
    return free;
  };
  return { dir, reserveBytes, freeBytes, low: () => freeBytes() < reserveBytes };
}

/** What is wrong, in words an operator acts on. */
export function describeLowDisk(disk: DiskSpace): string {
  return `The disk of ${disk.dir} is almost full (${formatBytes(disk.freeBytes())} free): Inflow refuses writes while less than ${formatBytes(disk.reserveBytes)} is free (INFLOW_DISK_RESERVE_MB). Free some space and writes resume by themselves.`;
}

export function storageFull(disk: DiskSpace): AppError {
  return new AppError('storage_full', describeLowDisk(disk));
}

export const isStorageFull = (err: unknown): boolean => err instanceof AppError && err.kind === 'storage_full';

interface LoopLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * How a background loop (jobs, event delivery) reports a failed round. It tries again every
 * poll; while the disk is full, one warning until it clears instead of an error each time.
 */
export function loopFailures(logger: LoopLogger, what: string) {
  let waitingForDisk = false;
  return {
    failed(err: unknown): void {
      if (!isStorageFull(err)) logger.error({ err }, `${what} failed`);
      else if (!waitingForDisk) logger.warn({ err: (err as Error).message }, `${what} waits: the disk is almost full`);
      waitingForDisk = isStorageFull(err);
    },
    succeeded(): void {
      waitingForDisk = false;
    },
  };
}
