import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { QueryBuilder } from '../db/database.js';
import type { LockInfo } from '../db/data-dir-lock.js';
import { AppError } from '../errors.js';
import { safeEqual } from '../modules/accounts/tokens.js';
import { runAdminCommand, type CommandOutput } from './admin-commands.js';
import { describeError } from './describe-error.js';
import type { TransferContext } from './transfer-commands.js';

export const BRIDGE_PATH = '/internal/cli';
const TOKEN_HEADER = 'x-inflow-cli-token';
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * PGlite is one process's database. While `inflow serve` holds it, CLI commands run inside the
 * server: the CLI reads the port and a one-time token from the data dir's lock file (mode 0600,
 * so only the same OS user can) and posts its arguments here.
 */
export function registerCliBridge(app: FastifyInstance, db: QueryBuilder, token: string, context: TransferContext): void {
  app.post(
    BRIDGE_PATH,
    {
      config: { auth: 'public' },
      bodyLimit: 64 * 1024,
      schema: {
        hide: true,
        body: Type.Object({ argv: Type.Array(Type.String({ maxLength: 4096 }), { maxItems: 64 }) }, { additionalProperties: false }),
      },
    },
    async (request): Promise<CommandOutput> => {
      const sent = request.headers[TOKEN_HEADER];
      // Only from this machine: over loopback, or to our own address from our own address.
      const remote = request.socket.remoteAddress ?? '';
      const local = LOOPBACK.has(remote) || remote === request.socket.localAddress;
      if (!local || typeof sent !== 'string' || !safeEqual(sent, token)) {
        throw new AppError('not_found', `No route for POST ${BRIDGE_PATH}`);
      }
      const { argv } = request.body as { argv: string[] };
      try {
        return await runAdminCommand(db, argv, context);
      } catch (err) {
        const { message, exitCode } = describeError(err);
        return { exitCode, stdout: '', stderr: `inflow: ${message}\n` };
      }
    },
  );
}

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
