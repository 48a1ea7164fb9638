// Changes to every contact a filter matches ("select all 12,345 matching"): tag, untag, add to a
// list, set the stage or the owner, delete. Asked for here, run by a job in chunks (bulk-runner.ts), watched by polling.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../../actor.js';
import { enqueue, hasLiveJob } from '../../../db/jobs/queue.js';
import { isId, newId } from '../../../db/ids.js';
import type { BulkAction, BulkActionKind, Tables } from '../../../db/schema.js';
import { invalid, notFound } from '../../../errors.js';
import { listById } from '../../lists/service.js';
import { membersAmong } from '../../workspaces/service.js';
import { cleanTags, LIFECYCLE_STAGES, MAX_TAG_LENGTH, MAX_TAGS } from '../fields.js';
import { filteredContacts, type ContactFilters } from '../list.js';
import { customFieldDefinitions } from '../queries.js';

export const BULK_ACTION_JOB = 'contacts.bulk_action';

export interface BulkActionInput {
  action: BulkActionKind;
  tags?: string[];
  list_id?: string;
  lifecycle_stage?: string;
  /** A member of the workspace, or null to leave the contacts without an owner. */
  owner_id?: string | null;
}

/** How many contacts pass the filters (checked as the list checks them). */
export async function countContacts(db: Kysely<Tables> | Transaction<Tables>, workspaceId: string, filters: ContactFilters): Promise<number> {
  const definitions = await customFieldDefinitions(db, workspaceId);
  const row = await filteredContacts(db, workspaceId, filters, definitions)
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

function paramsOf(input: BulkActionInput): Record<string, unknown> {
  if (input.action === 'add_tags' || input.action === 'remove_tags') {
    const tags = cleanTags(input.tags ?? []);
    if (tags.length === 0) throw invalid('Name the tags to add or remove', [{ field: 'tags', message: 'must hold at least one tag' }]);
    if (tags.length > MAX_TAGS) throw invalid('Too many tags', [{ field: 'tags', message: `must have at most ${MAX_TAGS} tags` }]);
    if (tags.some((t) => t.length > MAX_TAG_LENGTH)) throw invalid('A tag is too long', [{ field: 'tags', message: `each tag must be at most ${MAX_TAG_LENGTH} characters` }]);
    return { tags };
  }
  if (input.action === 'add_to_list') {
    if (!input.list_id) throw invalid('Name the list to add the contacts to', [{ field: 'list_id', message: 'is required' }]);
    return { list_id: input.list_id };
  }
  if (input.action === 'set_stage') {
    if (!input.lifecycle_stage || !(LIFECYCLE_STAGES as readonly string[]).includes(input.lifecycle_stage)) {
      throw invalid('Name the lifecycle stage to set', [{ field: 'lifecycle_stage', message: `must be one of ${LIFECYCLE_STAGES.join(', ')}` }]);
    }
    return { lifecycle_stage: input.lifecycle_stage };
  }
  if (input.action === 'set_owner') {
    if (input.owner_id === undefined) throw invalid('Name the owner to set (null for none)', [{ field: 'owner_id', message: 'is required' }]);
    return { owner_id: input.owner_id };
  }
  return {};
}

/**
 * Records the action for the contacts the filters match now (later ones are left out) and
 * queues the job that carries it out.
 */
export async function createBulkAction(db: Kysely<Tables>, workspaceId: string, filters: ContactFilters, input: BulkActionInput, actor: Actor): Promise<BulkAction> {
  const params = paramsOf(input);
  return db.transaction().execute(async (tx) => {
    if (typeof params.list_id === 'string') await listById(tx, workspaceId, params.list_id);
    if (typeof params.owner_id === 'string' && !(await membersAmong(tx, workspaceId, [params.owner_id])).has(params.owner_id)) {
      throw invalid('The owner must be a member of the workspace', [{ field: 'owner_id', message: 'is not a user of this workspace' }]);
    }
    const total = await countContacts(tx, workspaceId, filters);
    const newest = await tx.selectFrom('contacts').select('id').where('workspace_id', '=', workspaceId).orderBy('id', 'desc').limit(1).executeTakeFirst();
    const created = await tx
      .insertInto('bulk_actions')
      .values({
        workspace_id: workspaceId,
        id: newId(),
        action: input.action,
        params: JSON.stringify(params),
        filters: JSON.stringify(filters),
        total,
        max_id: newest?.id ?? null,
        last_id: null,
        error: null,
        created_by_type: actor.type,
        created_by_id: actor.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await enqueue(tx, BULK_ACTION_JOB, { workspace_id: workspaceId, bulk_action_id: created.id }, { workspaceId, maxAttempts: 5 });
    return created;
  });
}

/**
 * The action as it stands. One still queued or running whose job is gone (its worker died on
 * the job's last attempt, so the job was given up without running) is ended as failed here,
 * so it does not look busy forever.
 */
export async function getBulkAction(db: Kysely<Tables>, workspaceId: string, id: string): Promise<BulkAction> {
  if (!isId(id)) throw notFound('Bulk action');
  const row = await db.selectFrom('bulk_actions').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Bulk action');
  if (row.status === 'done' || row.status === 'failed') return row;
  if (await hasLiveJob(db, workspaceId, BULK_ACTION_JOB, { key: 'bulk_action_id', value: id })) return row;
  return endBulkAction(db, workspaceId, id, { status: 'failed', error: 'The action stopped: its job was given up after repeated failures' });
}

export function bulkActionView(row: BulkAction) {
  return {
    id: row.id,
    action: row.action,
    ...(row.params as Record<string, unknown>),
    status: row.status,
    total: row.total,
    processed: row.processed,
    error: row.error,
    created_at: row.created_at,
    updated_at: row.updated_at,
    finished_at: row.finished_at,
  };
}

/** Ends the action: done, or failed with the reason shown to the user. */
export function endBulkAction(db: Kysely<Tables>, workspaceId: string, id: string, end: { status: 'done' } | { status: 'failed'; error: string }): Promise<BulkAction> {
  return db
    .updateTable('bulk_actions')
    .set({ status: end.status, error: end.status === 'failed' ? end.error : null, finished_at: sql`now()`, updated_at: sql`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
