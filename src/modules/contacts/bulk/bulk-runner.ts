import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../../actor.js';
import type { BulkAction, Tables } from '../../../db/schema.js';
import { addToListIn } from '../../lists/service.js';
import { applyContactWrites } from '../batch.js';
import { filteredContacts, type ContactFilters } from '../list.js';
import { customFieldDefinitions } from '../queries.js';
import { existingContactIds } from '../service.js';
import { changeTagsOf } from '../tag-changes.js';
import { trashContacts } from '../trash.js';
import { endBulkAction } from './bulk-actions.js';

const CHUNK = 1000;

/** The worker is stopping: the action resumes from its checkpoint on the job's next attempt. */
export class BulkInterrupted extends Error {}

/**
 * Carries out a bulk action: the contacts the filters match, by id, up to the newest that
 * existed when it was asked for, a chunk at a time. Each chunk and the checkpoint after it
 * commit together, so a run cut short resumes without doing a contact twice.
 */
export async function runBulkAction(db: Kysely<Tables>, workspaceId: string, id: string, signal?: AbortSignal): Promise<void> {
  const claimed = await db
    .updateTable('bulk_actions')
    .set({ status: 'running', updated_at: sql`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .returningAll()
    .executeTakeFirst();
  if (!claimed) return;
  const filters = claimed.filters as ContactFilters;
  const definitions = await customFieldDefinitions(db, workspaceId);
  const actor: Actor = { type: claimed.created_by_type as Actor['type'], id: claimed.created_by_id };
  for (let more = claimed.max_id !== null; more; ) {
    if (signal?.aborted) throw new BulkInterrupted('the worker stopped; the action resumes from its checkpoint');
    more = await db.transaction().execute(async (tx) => {
      const current = await tx.selectFrom('bulk_actions').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
      let query = filteredContacts(tx, workspaceId, filters, definitions).clearSelect().select('id').where('id', '<=', current.max_id!);
      if (current.last_id) query = query.where('id', '>', current.last_id);
      const ids = (await query.orderBy('id').limit(CHUNK).execute()).map((row) => row.id);
      await applyTo(tx, workspaceId, current, ids, actor);
      await tx
        .updateTable('bulk_actions')
        .set({ processed: current.processed + ids.length, last_id: ids.at(-1) ?? current.last_id, updated_at: sql`now()` })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute();
      return ids.length === CHUNK;
    });
  }
  await endBulkAction(db, workspaceId, id, { status: 'done' });
}

async function applyTo(tx: Transaction<Tables>, workspaceId: string, action: BulkAction, ids: string[], actor: Actor): Promise<void> {
  const params = action.params as { tags?: string[]; list_id?: string; lifecycle_stage?: string; owner_id?: string | null };
  switch (action.action) {
    case 'add_tags':
      await changeTagsOf(tx, workspaceId, ids, { add: params.tags! }, actor);
      return;
    case 'remove_tags':
      await changeTagsOf(tx, workspaceId, ids, { remove: params.tags! }, actor);
      return;
    case 'add_to_list':
      await addToListIn(tx, workspaceId, params.list_id!, ids, actor, existingContactIds);
      return;
    case 'set_stage':
    case 'set_owner': {
      // Through the write engine, as an edit: each changed contact gets its timeline entry and event.
      const input = action.action === 'set_stage' ? { lifecycle_stage: params.lifecycle_stage } : { owner_id: params.owner_id ?? null };
      await applyContactWrites(tx, workspaceId, ids.map((id) => ({ id, input })), { actor, returnContacts: false });
      return;
    }
    case 'delete':
      await trashContacts(tx, workspaceId, ids, actor);
  }
}
