import type { Actor } from '../../actor.js';
import type { Executor } from '../../db/database.js';
import { publish, type NewEvent } from '../../events/publish.js';
import { recordTimeline, type TimelineEntry } from '../timeline/timeline.js';

/**
 * Records what happened to contacts: their timeline entries, and for creations, merges and
 * field changes the domain events other modules hear (`contact.created`, `contact.merged`,
 * `contact.updated`). The
 * one place both are written, so they never disagree. Creations of one call share one payload,
 * so an import's events are written set-based.
 */
export async function recordContactChanges(tx: Executor, workspaceId: string, actor: Actor, entries: readonly TimelineEntry[]): Promise<void> {
  await recordTimeline(tx, workspaceId, actor, entries);
  const created = { import_id: actor.type === 'import' ? actor.id : null };
  const events: NewEvent[] = [];
  for (const entry of entries) {
    if (entry.kind === 'contact.created') events.push({ workspaceId, kind: 'contact.created', contactId: entry.contactId, actor, payload: created });
    if (entry.kind === 'contact.merged') {
      const mergedContactId = (entry.data as { merged_contact: { id: string } }).merged_contact.id;
      events.push({ workspaceId, kind: 'contact.merged', contactId: entry.contactId, actor, payload: { merged_contact_id: mergedContactId } });
    }
    if (entry.kind === 'contact.updated' || entry.kind === 'contact.merged') {
      const changes = (entry.data as { changes: Record<string, [unknown, unknown]> }).changes;
      if (Object.keys(changes).length > 0) events.push({ workspaceId, kind: 'contact.updated', contactId: entry.contactId, actor, payload: { changes } });
    }
  }
  await publish(tx, events);
}

/** Contacts that were deleted (one by one, in bulk, or as part of an erasure). */
export async function publishDeletions(tx: Executor, workspaceId: string, actor: Actor, contactIds: readonly string[]): Promise<void> {
  const payload = {};
  await publish(tx, contactIds.map((contactId) => ({ workspaceId, kind: 'contact.deleted' as const, contactId, actor, payload })));
}
