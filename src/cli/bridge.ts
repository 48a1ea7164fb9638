import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { QueryBuilder } from '../db/database.js';
import { AppError } from '../errors.js';
import { safeEqual } from '../modules/accounts/tokens.js';
import { runAdminCommand } from './admin-commands.js';
import { BRIDGE_PATH, TOKEN_HEADER, type CommandOutput } from './bridge-client.js';
import { describeError } from './describe-error.js';
import type { TransferContext } from './transfer-commands.js';

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
