import { sql, type Transaction } from 'kysely';
import type { Tables } from '../../db/schema.js';

type Tx = Transaction<Tables>;

/** How a contact converted: the first identification of any of its visitors. */
export interface Conversion {
  at: Date;
  kind: 'form' | 'identify' | 'email_click';
  /** The form's id for a form. */
  ref: string | null;
  url: string | null;
}

export interface SessionTouch {
  id: string;
  started_at: Date;
  channel: string;
  source: string | null;
  medium: string | null;
  campaign: string | null;
  landing_url: string | null;
  referrer: string | null;
}

/**
 * First touch: the contact's earliest visit; last touch: its latest visit that started at or
 * before the conversion. Pure: the visits are all the contact's, of every device.
 */
export function touchesOf(visits: readonly SessionTouch[], convertedAt: Date): { first: SessionTouch | null; last: SessionTouch | null; before: number } {
  const sorted = [...visits].sort((a, b) => a.started_at.getTime() - b.started_at.getTime());
  const before = sorted.filter((v) => v.started_at <= convertedAt);
  return { first: sorted[0] ?? null, last: before[before.length - 1] ?? null, before: before.length };
}

const columns = (prefix: 'first' | 'last', touch: SessionTouch | null) => ({
  [`${prefix}_session_id`]: touch?.id ?? null,
  [`${prefix}_at`]: touch?.started_at ?? null,
  [`${prefix}_channel`]: touch?.channel ?? null,
  [`${prefix}_source`]: touch?.source ?? null,
  [`${prefix}_medium`]: touch?.medium ?? null,
  [`${prefix}_campaign`]: touch?.campaign ?? null,
  [`${prefix}_landing_url`]: touch?.landing_url ?? null,
  [`${prefix}_referrer`]: touch?.referrer ?? null,
});

/**
 * Works out a contact's sources again from all its visits: the conversion stays the first one
 * recorded (this `conversion` counts only if there is none), the touches follow the visits
 * known now (a second device may bring an earlier one). Returns the row.
 */
export async function updateContactSources(tx: Tx, workspaceId: string, contactId: string, conversion: Conversion) {
  const existing = await tx
    .selectFrom('tracking_contact_sources')
    .select(['converted_at', 'conversion_kind', 'conversion_ref', 'conversion_url'])
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .forUpdate()
    .executeTakeFirst();
  const converted = existing ? { at: existing.converted_at, kind: existing.conversion_kind, ref: existing.conversion_ref, url: existing.conversion_url } : conversion;
  const visits = await tx
    .selectFrom('tracking_sessions')
    .select(['id', 'started_at', 'channel', 'source', 'medium', 'campaign', 'landing_url', 'referrer'])
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .execute();
  const { first, last, before } = touchesOf(visits, converted.at);
  const row = {
    workspace_id: workspaceId,
    contact_id: contactId,
    ...columns('first', first),
    ...columns('last', last),
    converted_at: converted.at,
    conversion_kind: converted.kind,
    conversion_ref: converted.ref,
    conversion_url: converted.url,
    sessions_before: before,
  };
  const { workspace_id: _w, contact_id: _c, ...update } = row;
  await tx
    .insertInto('tracking_contact_sources')
    .values(row)
    .onConflict((oc) => oc.columns(['workspace_id', 'contact_id']).doUpdateSet({ ...update, converted_at: sql`tracking_contact_sources.converted_at` }))
    .execute();
  return { first_session_id: first?.id ?? null, first_at: first?.started_at ?? null, first_channel: first?.channel ?? null, first_source: first?.source ?? null, first_medium: first?.medium ?? null, first_campaign: first?.campaign ?? null, first_referrer: first?.referrer ?? null };
}
