import type { Actor } from '../../actor.js';
import type { Executor } from '../../db/database.js';
import { publish, type NewEvent } from '../../events/publish.js';
import { recordTimeline, type TimelineEntry } from '../timeline/timeline.js';

/**
 * Records what happened to contacts: their timeline entries, and for creations, merges and
 * field changes the domain events other modules hear (`contact.created`, `contact.merged`,
 * `contact.updated`). The
 * one place both are written, so they never disagree. Creations of one call share one payload,
 * so an import's events are written set-based. With `pending`, they are added to it instead, for
 * the caller to write with the rest of its batch.
 */
export async function recordContactChanges(tx: Executor, workspaceId: string, actor: Actor, entries: readonly TimelineEntry[], pending?: PendingHistory): Promise<void> {
  const events = contactEvents(workspaceId, actor, entries);
  if (pending) return pending.add(workspaceId, actor, entries, events);
  await recordTimeline(tx, workspaceId, actor, entries);
  await publish(tx, events);
}

function contactEvents(workspaceId: string, actor: Actor, entries: readonly TimelineEntry[]): NewEvent[] {
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
  return events;
}

/**
 * Timeline entries and events that the writers of one batch (the contacts engine, consents, the
 * caller's own) would each write with statements of their own, collected and written together
 * at the batch's end: one timeline insert and one events insert (a form's group commit). One
 * workspace and one actor; the order they were added in is kept.
 */
export class PendingHistory {
  private readonly timeline: TimelineEntry[] = [];
  private readonly events: NewEvent[] = [];

  constructor(private readonly workspaceId: string, private readonly actor: Actor) {}

  add(workspaceId: string, actor: Actor, entries: readonly TimelineEntry[], events: readonly NewEvent[] = []): void {
    if (workspaceId !== this.workspaceId || actor.type !== this.actor.type || actor.id !== this.actor.id) throw new Error('a pending history holds one workspace and one actor');
    this.timeline.push(...entries);
    this.events.push(...events);
  }

  /** Writes what was added so far, after the changes it reports, and starts over. */
  async write(tx: Executor): Promise<void> {
    const timeline = this.timeline.splice(0);
    const events = this.events.splice(0);
    await recordTimeline(tx, this.workspaceId, this.actor, timeline);
    await publish(tx, events);
  }
}

/** Contacts that were deleted (one by one, in bulk, or as part of an erasure). */
export async function publishDeletions(tx: Executor, workspaceId: string, actor: Actor, contactIds: readonly string[]): Promise<void> {
  const payload = {};
  await publish(tx, contactIds.map((contactId) => ({ workspaceId, kind: 'contact.deleted' as const, contactId, actor, payload })));
}
