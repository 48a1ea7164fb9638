import { createHash } from 'node:crypto';
import { emailIdentityKey } from '../../lib/email-address.js';
import type { Executor } from '../../db/database.js';

/**
 * Why an address is on the suppression list. Only `erased` keeps it out of the lead database;
 * `unsubscribed` keeps the record of an email opt-out (do not email) for the sending to come.
 */
export type SuppressionReason = 'erased' | 'unsubscribed';

/**
 * How a suppressed address is stored: SHA-256, hex, of its identity key (the address
 * lower-cased), so the list can be checked without keeping the address itself.
 */
export function emailHash(email: string): string {
  return createHash('sha256').update(emailIdentityKey(email), 'utf8').digest('hex');
}

/** Adds the address to the workspace's suppression list; an erasure outranks an opt-out already there. */
export async function suppressEmail(db: Executor, workspaceId: string, email: string, reason: SuppressionReason): Promise<void> {
  await db
    .insertInto('suppressions')
    .values({ workspace_id: workspaceId, email_hash: emailHash(email), reason })
    .onConflict((oc) => (reason === 'erased' ? oc.columns(['workspace_id', 'email_hash']).doUpdateSet({ reason: 'erased' }) : oc.columns(['workspace_id', 'email_hash']).doNothing()))
    .execute();
}

/**
 * Keeps the suppression list in step with the contacts' email opt-outs: the addresses of
 * contacts now marked do-not-email are added (`unsubscribed`), those of contacts opted in
 * again are taken off (an erasure's entry is never touched). Set-based, for a whole batch.
 */
export async function syncOptOuts(db: Executor, workspaceId: string, optedOut: readonly string[], optedIn: readonly string[]): Promise<void> {
  if (optedOut.length > 0) {
    await db
      .insertInto('suppressions')
      .values([...new Set(optedOut.map(emailHash))].map((email_hash) => ({ workspace_id: workspaceId, email_hash, reason: 'unsubscribed' })))
      .onConflict((oc) => oc.columns(['workspace_id', 'email_hash']).doNothing())
      .execute();
  }
  if (optedIn.length > 0) {
    await db
      .deleteFrom('suppressions')
      .where('workspace_id', '=', workspaceId)
      .where('reason', '=', 'unsubscribed')
      .where('email_hash', 'in', [...new Set(optedIn.map(emailHash))])
      .execute();
  }
}

/** Which of these addresses belong to people who had themselves erased, as identity keys. */
export async function erasedEmails(db: Executor, workspaceId: string, emails: readonly string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  // Most workspaces never erased anyone: asking costs less than hashing a batch's addresses.
  const anyErased = await db.selectFrom('suppressions').select('email_hash').where('workspace_id', '=', workspaceId).where('reason', '=', 'erased').limit(1).executeTakeFirst();
  if (!anyErased) return new Set();
  const byHash = new Map(emails.map((email) => [emailHash(email), emailIdentityKey(email)]));
  const rows = await db
    .selectFrom('suppressions')
    .select('email_hash')
    .where('workspace_id', '=', workspaceId)
    .where('reason', '=', 'erased')
    .where('email_hash', 'in', [...byHash.keys()])
    .execute();
  return new Set(rows.map((row) => byHash.get(row.email_hash)!));
}

/**
 * Forgets that these addresses asked to be erased: the person came back and gave a fresh
 * consent (a form with a ticked consent box). Only the caller knows that; nothing else lifts it.
 */
export async function liftErasure(db: Executor, workspaceId: string, emails: readonly string[]): Promise<void> {
  if (emails.length === 0) return;
  await db.deleteFrom('suppressions').where('workspace_id', '=', workspaceId).where('reason', '=', 'erased').where('email_hash', 'in', [...new Set(emails.map(emailHash))]).execute();
}

export const ERASED_EMAIL_MESSAGE = 'this address asked to be erased';

