// The CLI's side of the bridge to a running server (bridge.ts is the server's). Kept apart, and
// light: a command that runs through the server loads this, not the server's code.
import type { LockInfo } from '../db/data-dir-lock.js';

/**
 * Commands that change the database. They run where the database is: in this process, or —
 * while `inflow serve` holds the embedded database — inside the server, through its CLI bridge.
 */
export const ADMIN_COMMANDS = ['migrate', 'user', 'apikey', 'import', 'export'] as const;

export interface CommandOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export const BRIDGE_PATH = '/internal/cli';
export const TOKEN_HEADER = 'x-inflow-cli-token';

/** Runs an admin command in the server that holds the data dir. */
export async function runThroughServer(holder: LockInfo, argv: readonly string[]): Promise<CommandOutput> {
  const host = holder.host?.includes(':') ? `[${holder.host}]` : (holder.host ?? '127.0.0.1');
  const url = `http://${host}:${holder.port}${BRIDGE_PATH}`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: holder.token ?? '' },
    body: JSON.stringify({ argv }),
    // Long enough for any admin command; short enough that a wedged server does not hang a script.
    signal: AbortSignal.timeout(10 * 60_000),
  }).catch((err: unknown) => {
    const cause = (err as { cause?: { message?: string } }).cause?.message ?? String(err);
    throw new Error(`inflow serve (pid ${holder.pid}) holds the data directory but does not answer at ${url}: ${cause}`);
  });
  if (!response.ok) throw new Error(`the running server (pid ${holder.pid}) refused the command: HTTP ${response.status}`);
  return (await response.json()) as CommandOutput;
}
