import { sql } from 'kysely';
import { Type } from 'typebox';
import { Timestamp } from '../../http/schemas.js';
import type { PersonalDataHooks } from '../module.js';

const Text = Type.Union([Type.String(), Type.Null()]);

const VisitorExport = Type.Object({ id: Type.String(), first_seen_at: Timestamp, last_seen_at: Timestamp, identified_at: Type.Union([Timestamp, Type.Null()]), identified_via: Text });
const SessionExport = Type.Object({
  id: Type.String(),
  visitor_id: Type.String(),
  started_at: Timestamp,
  last_seen_at: Timestamp,
  page_views: Type.Integer(),
  landing_url: Text,
  referrer: Text,
  channel: Type.String(),
  source: Text,
  medium: Text,
  campaign: Text,
  device: Text,
  browser: Text,
  os: Text,
  ip: Text,
});
const EventExport = Type.Object({ occurred_at: Timestamp, type: Type.String(), name: Text, url: Text, title: Text, target: Text, properties: Type.Unknown() });

/**
 * A person's browsing follows them: moved to the survivor of a merge (sources worked out again
 * by the next identification, the earliest conversion kept), deleted with an erasure (events,
 * visits, visitor ids and sources: nothing of it is anonymous), listed in an export.
 */
export const trackingPersonalData: PersonalDataHooks = {
  merge: async (tx, workspaceId, survivor, other) => {
    const move = async (table: 'tracking_visitors' | 'tracking_sessions' | 'tracking_events') =>
      Number((await tx.updateTable(table).set({ contact_id: survivor.id }).where('workspace_id', '=', workspaceId).where('contact_id', '=', other.id).executeTakeFirst()).numUpdatedRows);
    const visitors = await move('tracking_visitors');
    const sessions = await move('tracking_sessions');
    await move('tracking_events');
    // The survivor converted when the first of the two did.
    await sql`
      update tracking_contact_sources s set converted_at = o.converted_at, conversion_kind = o.conversion_kind, conversion_ref = o.conversion_ref, conversion_url = o.conversion_url
        from tracking_contact_sources o
       where s.workspace_id = ${workspaceId} and s.contact_id = ${survivor.id} and o.workspace_id = ${workspaceId} and o.contact_id = ${other.id} and o.converted_at < s.converted_at`.execute(tx);
    await tx.updateTable('tracking_contact_sources').set({ contact_id: survivor.id }).where('workspace_id', '=', workspaceId).where('contact_id', '=', other.id)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('tracking_contact_sources as s').select('s.contact_id').where('s.workspace_id', '=', workspaceId).where('s.contact_id', '=', survivor.id))))
      .execute();
    await tx.deleteFrom('tracking_contact_sources').where('workspace_id', '=', workspaceId).where('contact_id', '=', other.id).execute();
    return { tracking_visitors: visitors, tracking_sessions: sessions };
  },
  erase: async (tx, workspaceId, person) => {
    const visitorIds = (await tx.selectFrom('tracking_visitors').select('id').where('workspace_id', '=', workspaceId).where('contact_id', '=', person.id).execute()).map((v) => v.id);
    await tx.deleteFrom('tracking_events').where('workspace_id', '=', workspaceId).where((eb) => eb.or([eb('contact_id', '=', person.id), ...(visitorIds.length ? [eb('visitor_id', 'in', visitorIds)] : [])])).execute();
    await tx.deleteFrom('tracking_sessions').where('workspace_id', '=', workspaceId).where((eb) => eb.or([eb('contact_id', '=', person.id), ...(visitorIds.length ? [eb('visitor_id', 'in', visitorIds)] : [])])).execute();
    if (visitorIds.length) await tx.deleteFrom('tracking_visitors').where('workspace_id', '=', workspaceId).where('id', 'in', visitorIds).execute();
    await tx.deleteFrom('tracking_contact_sources').where('workspace_id', '=', workspaceId).where('contact_id', '=', person.id).execute();
  },
  export: async (tx, workspaceId, person) => ({
    tracking_visitors: await tx.selectFrom('tracking_visitors').select(['id', 'first_seen_at', 'last_seen_at', 'identified_at', 'identified_via']).where('workspace_id', '=', workspaceId).where('contact_id', '=', person.id).orderBy('first_seen_at').execute(),
    tracking_sessions: await tx
      .selectFrom('tracking_sessions')
      .select(['id', 'visitor_id', 'started_at', 'last_seen_at', 'page_views', 'landing_url', 'referrer', 'channel', 'source', 'medium', 'campaign', 'device', 'browser', 'os', 'ip'])
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', '=', person.id)
      .orderBy('started_at')
      .execute(),
    tracking_events: await tx
      .selectFrom('tracking_events')
      .select(['occurred_at', 'type', 'name', 'url', 'title', 'target', 'properties'])
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', '=', person.id)
      .orderBy('occurred_at')
      .execute(),
  }),
  exportSchema: { tracking_visitors: Type.Array(VisitorExport), tracking_sessions: Type.Array(SessionExport), tracking_events: Type.Array(EventExport) },
};

