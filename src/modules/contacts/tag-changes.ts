import type { Transaction } from 'kysely';
import type { Actor } from '../../actor.js';
import type { Tables } from '../../db/schema.js';
import { valuesOf } from './batch.js';
import { fieldChanges } from './fields.js';
import { recordContactChanges } from './contact-changes.js';
import type { TimelineEntry } from '../timeline/timeline.js';
import { writeContacts } from './write-contacts.js';

export type TagChange = { add: readonly string[] } | { remove: readonly string[] };

/** The contact's tags after the change: added ones keep the contact's spelling of a tag it has, removed ones go in any case. */
export function changedTags(tags: readonly string[], change: TagChange): string[] {
  const has = (list: readonly string[], tag: string) => list.some((t) => t.toLowerCase() === tag.toLowerCase());
  if ('add' in change) return [...tags, ...change.add.filter((tag, i) => !has(tags, tag) && !has(change.add.slice(0, i), tag))];
  return tags.filter((tag) => !has(change.remove, tag));
}

/**
 * Adds or removes tags on these contacts (by id, in the caller's transaction), recording each
 * change in the contact's timeline. Contacts the change leaves as they were are not written.
 * Returns how many changed.
 */
export async function changeTagsOf(tx: Transaction<Tables>, workspaceId: string, ids: readonly string[], change: TagChange, actor: Actor): Promise<number> {
  if (ids.length === 0) return 0;
  const current = await tx.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', ids).where('deleted_at', 'is', null).forUpdate().execute();
  const rows = [];
  const timeline: TimelineEntry[] = [];
  for (const contact of current) {
    const values = valuesOf(contact);
    const next = { ...values, tags: changedTags(values.tags, change) };
    const changes = fieldChanges(values, next);
    if (Object.keys(changes).length === 0) continue;
    rows.push({ id: contact.id, values: next, companyId: contact.company_id, isNew: false });
    timeline.push({ contactId: contact.id, kind: 'contact.updated', data: { changes } });
  }
  await writeContacts(tx, workspaceId, rows, { returning: false });
  await recordContactChanges(tx, workspaceId, actor, timeline);
  return rows.length;
}
