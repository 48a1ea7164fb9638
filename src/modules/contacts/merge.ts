import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../actor.js';
import { isId } from '../../db/ids.js';
import type { Contact, DB } from '../../db/schema.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { publish } from '../../events/publish.js';
import type { ModuleHooks, PersonRef } from '../module.js';
import { forgetDuplicatePairs } from './duplicates.js';
import { fieldChanges } from './fields.js';
import { mergeValues, type Side } from './merge-values.js';
import { recordTimeline } from '../timeline/timeline.js';

const personRef = (contact: Contact): PersonRef => ({ id: contact.id, email: contact.email, companyId: contact.company_id });

const otherNotFound = () =>
  new AppError('not_found', 'The contact to merge in was not found', [{ field: 'other_id', in: 'body', message: 'is not a contact of this workspace' }]);

/**
 * Merges `otherId` into `survivorId`, in one transaction: the survivor takes the chosen values
 * (see mergeValues), the other's timeline, consents and list memberships move to it, the
 * other is deleted, and a `contact.merged` entry says what came from where.
 */
export async function mergeContacts(
  db: Kysely<DB>,
  workspaceId: string,
  survivorId: string,
  otherId: string,
  keep: Readonly<Record<string, Side>>,
  actor: Actor,
  hooks: Pick<ModuleHooks, 'personalData'>,
): Promise<Contact> {
  if (!isId(survivorId)) throw notFound('Contact');
  if (!isId(otherId)) throw otherNotFound();
  if (survivorId === otherId) throw invalid('A contact cannot be merged with itself', [{ field: 'other_id', in: 'body', message: 'is the same contact' }]);
  return db.transaction().execute(async (tx) => {
    // Both rows locked, in id order, so two merges of the same pair cannot deadlock.
    const rows = await tx
      .selectFrom('contacts')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', [survivorId, otherId])
      .orderBy('id')
      .forUpdate()
      .execute();
    const survivor = rows.find((row) => row.id === survivorId);
    const other = rows.find((row) => row.id === otherId);
    if (!survivor) throw notFound('Contact');
    if (!other) throw otherNotFound();
    const merge = mergeValues(survivor, other, keep);
    if (merge.errors.length > 0) throw invalid('The merge cannot be done as asked', merge.errors);

    const consents = await tx.updateTable('consents').set({ contact_id: survivor.id }).where('workspace_id', '=', workspaceId).where('contact_id', '=', other.id).executeTakeFirst();
    // What other modules hold of the other person moves too, each module by its own hook.
    const movedElsewhere: Record<string, number> = {};
    for (const module of hooks.personalData) {
      if (module.merge) Object.assign(movedElsewhere, await module.merge(tx, workspaceId, personRef(survivor), personRef(other), actor));
    }
    // The other goes first: the survivor may take its email or external id, which are unique.
    await forgetDuplicatePairs(tx, workspaceId, [other.id]);
    await tx.deleteFrom('contacts').where('workspace_id', '=', workspaceId).where('id', '=', other.id).execute();
    const { custom, ...values } = merge.values;
    const merged = await tx
      .updateTable('contacts')
      .set({ ...values, custom: JSON.stringify(custom), updated_at: sql`now()` })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', survivor.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const changes = fieldChanges(survivor, merged);
    await recordTimeline(tx, workspaceId, actor, [
      {
        contactId: survivor.id,
        kind: 'contact.merged',
        data: {
          merged_contact: { id: other.id, email: other.email, external_id: other.external_id, created_at: other.created_at.toISOString() },
          changes,
          taken_from_other: merge.takenFromOther,
          discarded_from_other: merge.discarded,
          moved: { ...movedElsewhere, consents: Number(consents.numUpdatedRows) },
        },
      },
    ]);
    await publish(tx, [
      { workspaceId, kind: 'contact.merged', contactId: survivor.id, actor, payload: { merged_contact_id: other.id } },
      ...(Object.keys(changes).length > 0 ? [{ workspaceId, kind: 'contact.updated' as const, contactId: survivor.id, actor, payload: { changes } }] : []),
    ]);
    return merged;
  });
}
