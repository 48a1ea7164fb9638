import type { Kysely } from 'kysely';
import type { Actor } from '../../../actor.js';
import { isId } from '../../../db/ids.js';
import type { Contact, Tables } from '../../../db/schema.js';
import { AppError, invalid, notFound } from '../../../errors.js';
import type { ModuleHooks, PersonRef } from '../../module.js';
import { forgetDuplicatePairs } from './pairs.js';
import { applyContactWrites } from '../batch.js';
import type { ContactInput } from '../contact-input.js';
import { CHOOSABLE_FIELDS, mergeValues, same, type MergedValues, type Side } from './merge-values.js';

const personRef = (contact: Contact): PersonRef => ({ id: contact.id, email: contact.email, companyId: contact.company_id });

const otherNotFound = () =>
  new AppError('not_found', 'The contact to merge in was not found', [{ field: 'other_id', in: 'body', message: 'is not a contact of this workspace' }]);

/**
 * Merges `otherId` into `survivorId`, in one transaction: the survivor takes the chosen values
 * (see mergeValues), the other's timeline, consents and list memberships move to it, the
 * other is deleted, and a `contact.merged` entry says what came from where.
 */
export async function mergeContacts(
  db: Kysely<Tables>,
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
      .where('deleted_at', 'is', null)
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
    const [result] = await applyContactWrites(
      tx,
      workspaceId,
      [
        {
          id: survivor.id,
          input: survivorInput(survivor, merge.values),
          describe: (changes) => ({
            kind: 'contact.merged',
            data: {
              merged_contact: { id: other.id, email: other.email, external_id: other.external_id, created_at: other.created_at.toISOString() },
              changes,
              taken_from_other: merge.takenFromOther,
              discarded_from_other: merge.discarded,
              moved: { ...movedElsewhere, consents: Number(consents.numUpdatedRows) },
            },
          }),
        },
      ],
      { actor, tags: 'set', returnContacts: false },
    );
    if (result?.status === 'error') {
      const errors = (result.errors ?? []).map((e) => ({ ...e, field: `keep.${e.field}` }));
      throw new AppError(result.kind ?? 'invalid_input', 'The merged contact cannot be stored as chosen', errors);
    }
    // What Inflow keeps of the person itself (scores, opt-out time, first and last activity) is not a field a write sets.
    const { unsubscribed_at, score, fit_score, temperature, created_at, last_activity_at } = merge.values;
    const merged = await tx
      .updateTable('contacts')
      .set({ unsubscribed_at, score, fit_score, temperature, created_at, last_activity_at })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', survivor.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return merged;
  });
}

/**
 * The merge's choices as a write to the survivor: the fields whose value changes, and the
 * company always, so that taking the other's email keeps the chosen company rather than
 * linking the new address's domain.
 */
function survivorInput(survivor: Contact, values: MergedValues): ContactInput {
  const input: ContactInput = { company_id: values.company_id };
  const fields = input as Record<string, unknown>;
  for (const field of CHOOSABLE_FIELDS) if (!same(survivor[field], values[field])) fields[field] = values[field];
  for (const field of ['tags', 'do_not_email', 'do_not_call'] as const) if (!same(survivor[field], values[field])) fields[field] = values[field];
  const custom: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(survivor.custom), ...Object.keys(values.custom)])) {
    if (!same(survivor.custom[key], values.custom[key])) custom[key] = values.custom[key] ?? null;
  }
  if (Object.keys(custom).length > 0) input.custom = custom;
  return input;
}
