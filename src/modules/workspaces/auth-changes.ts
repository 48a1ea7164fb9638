import { EventEmitter } from 'node:events';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Tables } from '../../db/schema.js';

export const AUTH_CHANNEL = 'inflow_auth';

/** This process's own changes, heard at once; other processes hear them through NOTIFY. */
export const localAuthChanges = new EventEmitter<{ changed: [workspaceId: string] }>();
// One listener per app instance: tests and tools may build many in one process.
localAuthChanges.setMaxListeners(0);

/**
 * Tells every process that what a workspace's credentials stand for changed (a key revoked, the
 * workspace renamed). NOTIFY inside the caller's transaction is delivered only if it commits;
 * call `afterAuthChangeCommitted` once it has, so this process need not wait for the round trip.
 */
export async function announceAuthChange(tx: Kysely<Tables> | Transaction<Tables>, workspaceId: string): Promise<void> {
  await sql`select pg_notify(${AUTH_CHANNEL}, ${workspaceId})`.execute(tx);
}

export function afterAuthChangeCommitted(workspaceId: string): void {
  localAuthChanges.emit('changed', workspaceId);
}
