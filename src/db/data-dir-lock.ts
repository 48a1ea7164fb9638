import fs from 'node:fs';
import path from 'node:path';

export interface LockInfo {
  pid: number;
  command: string;
  startedAt: string;
  /** Set once `inflow serve` listens: CLI commands are then sent to it. */
  host?: string;
  port?: number;
  token?: string;
  /** Set when the holder began to shut down: a new start waits for it rather than failing. */
  stopping?: boolean;
}

export class DataDirBusy extends Error {
  constructor(readonly holder: LockInfo, dataDir: string) {
    super(
      `The data directory ${dataDir} is in use by \`inflow ${holder.command}\` (pid ${holder.pid}, since ${holder.startedAt}). ` +
        'PGlite allows one process at a time: stop that process, or set DATABASE_URL to use a PostgreSQL server.',
    );
  }
}

function lockPath(dataDir: string): string {
  return path.join(dataDir, 'inflow.lock');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live holder of the data dir, if any (a lock left by a crashed process does not count). */
export function readLock(dataDir: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
    return info.pid !== process.pid && alive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

/**
 * Takes the embedded database's directory for this process. The file is created exclusively
 * (O_EXCL), so of two processes starting at once exactly one wins; a stale file left by a
 * process that died is replaced.
 */
export function acquireLock(dataDir: string, command: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // PGlite creates its files world-writable (0666); the directory's mode is what keeps others out.
  fs.chmodSync(dataDir, 0o700);
  const file = lockPath(dataDir);
  const info: LockInfo = { pid: process.pid, command, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx', mode: 0o600 });
      return new DataDirLock(file, info);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(dataDir);
      if (holder) throw new DataDirBusy(holder, dataDir);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`could not take the lock ${file}`);
}

// A holder shutting down closes its requests, worker and database within its shutdown timeout
// (INFLOW_SHUTDOWN_TIMEOUT_MS, 10 s by default, then it exits): a restart waits that long.
const STOPPING_HOLDER_WAIT_MS = 15_000;
const POLL_MS = 100;

/**
 * `acquireLock`, but a holder that is shutting down (a restart: `docker restart`, a process
 * manager's stop and start, `npm start` again) is waited for instead of refused.
 */
export async function acquireLockAfterStopping(dataDir: string, command: string, waitMs = STOPPING_HOLDER_WAIT_MS): Promise<DataDirLock> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return acquireLock(dataDir, command);
    } catch (err) {
      if (!(err instanceof DataDirBusy) || !err.holder.stopping || Date.now() >= deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}

export class DataDirLock {
  constructor(
    private readonly file: string,
    private info: LockInfo,
  ) {}

  /** Publishes how CLI commands reach this server; the file is readable by its owner only. */
  advertise(update: Partial<Pick<LockInfo, 'host' | 'port' | 'token' | 'stopping'>>): void {
    this.info = { ...this.info, ...update };
    fs.writeFileSync(this.file, JSON.stringify(this.info), { mode: 0o600 });
  }

  /** Tells a process starting meanwhile that this one is on its way out. */
  markStopping(): void {
    this.advertise({ stopping: true });
  }

  release(): void {
    try {
      const current = JSON.parse(fs.readFileSync(this.file, 'utf8')) as LockInfo;
      if (current.pid === process.pid) fs.rmSync(this.file, { force: true });
    } catch {
      // Already gone: nothing to release.
    }
  }
}
