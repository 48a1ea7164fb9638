// Identity stitching: a visitor id (one browser on one site) becomes a contact's. Its earlier
// anonymous sessions and events join the contact, its later ones follow (ingestion writes the
// contact's id on them), and the contact's sources are worked out from all its visitors' visits.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../actor.js';
import type { Tables } from '../../db/schema.js';
import { publish } from '../../events/publish.js';
import { signToken, verifyToken } from '../../lib/signed-token.js';
import { applyContactWrites } from '../contacts/batch.js';
import type { ContactInput } from '../contacts/contact-input.js';
import { TEXT_FIELDS } from '../contacts/fields.js';
import { existingContactIds } from '../contacts/service.js';
import { recordTimeline } from '../timeline/timeline.js';
import { workspaceSettings } from '../workspaces/service.js';
import type { IdentifyClaim } from './prepare.js';
import { updateContactSources, type Conversion } from './sources.js';
import { visitData } from './write-events.js';

type Tx = Transaction<Tables>;

export type IdentifiedVia = 'form' | 'identify' | 'email_click';

/** At most this many earlier visits get a line on the contact's timeline when they join it (the newest). */
const BACKFILLED_VISITS = 200;

export interface Identification {
  workspaceId: string;
  visitorId: string;
  contactId: string;
  via: IdentifiedVia;
  conversion: Conversion;
  /** Whether the contact was made by this conversion: its first-touch fields may then be set from its first tracked visit. */
  contactCreated: boolean;
}

/**
 * Joins a visitor to a contact, in the caller's transaction. Idempotent: a visitor already the
 * contact's changes nothing but the contact's sources (a second device may bring an earlier
 * visit). A visitor that was another contact's (a shared computer) becomes this one's; what it
 * did before stays the other's.
 */
export async function identifyVisitor(tx: Tx, id: Identification): Promise<{ joined: boolean }> {
  const { workspaceId, visitorId, contactId } = id;
  const at = id.conversion.at;
  await tx
    .insertInto('tracking_visitors')
    .values({ workspace_id: workspaceId, id: visitorId, first_seen_at: at, last_seen_at: at })
    .onConflict((oc) => oc.columns(['workspace_id', 'id']).doNothing())
    .execute();
  const visitor = await tx
    .selectFrom('tracking_visitors')
    .select(['contact_id', 'first_seen_at'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', visitorId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (visitor.contact_id === contactId) {
    await updateContactSources(tx, workspaceId, contactId, id.conversion);
    return { joined: false };
  }
  await tx
    .updateTable('tracking_visitors')
    .set({ contact_id: contactId, identified_at: sql`now()`, identified_via: id.via })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', visitorId)
    .execute();
  const joined = await tx
    .updateTable('tracking_sessions')
    .set({ contact_id: contactId })
    .where('workspace_id', '=', workspaceId)
    .where('visitor_id', '=', visitorId)
    .where('contact_id', 'is', null)
    .returning(['id', 'started_at', 'landing_url', 'referrer', 'channel', 'source', 'medium', 'campaign', 'page_views', 'events'])
    .execute();
  await tx
    .updateTable('tracking_events')
    .set({ contact_id: contactId })
    .where('workspace_id', '=', workspaceId)
    .where('visitor_id', '=', visitorId)
    .where('contact_id', 'is', null)
    .execute();

  const sources = await updateContactSources(tx, workspaceId, contactId, id.conversion);
  joined.sort((a, b) => a.started_at.getTime() - b.started_at.getTime());
  const first = joined[0];
  const summary = {
    visitor_id: visitorId,
    via: id.via,
    previous_contact_id: visitor.contact_id,
    first_seen_at: visitor.first_seen_at.toISOString(),
    sessions: joined.length,
    page_views: joined.reduce((sum, s) => sum + s.page_views, 0),
    events: joined.reduce((sum, s) => sum + s.events, 0),
    first_touch: first
      ? { channel: first.channel, source: first.source, medium: first.medium, campaign: first.campaign, landing_url: first.landing_url, referrer: first.referrer, at: first.started_at.toISOString() }
      : null,
  };
  const actor: Actor = { type: 'visitor', id: visitorId };
  await recordTimeline(tx, workspaceId, actor, [
    ...joined.slice(-BACKFILLED_VISITS).map((s) => ({
      contactId,
      kind: 'site.visited',
      occurredAt: s.started_at,
      data: { ...visitData({ id: s.id, landingUrl: s.landing_url, referrer: s.referrer, channel: s.channel, source: s.source, medium: s.medium, campaign: s.campaign }), before_identified: true },
    })),
    { contactId, kind: 'visitor.identified', data: summary },
  ]);
  await publish(tx, { workspaceId, kind: 'visitor.identified', contactId, actor, payload: summary });
  if (id.contactCreated && sources?.first_at && sources.first_at < at) await setFirstTouch(tx, workspaceId, contactId, sources);
  return { joined: true };
}

/**
 * A contact made by a conversion took its source from the visit that converted; its first
 * tracked visit came earlier, so that is where the person first came from.
 */
async function setFirstTouch(tx: Tx, workspaceId: string, contactId: string, sources: FirstTouch): Promise<void> {
  const cut = (value: string | null, max: number) => (value ? value.slice(0, max) : null);
  const input: ContactInput = {
    source: cut(sources.first_source ?? sources.first_channel, TEXT_FIELDS.source),
    source_detail: cut(sources.first_campaign ?? sources.first_referrer, TEXT_FIELDS.source_detail),
    utm_source: cut(sources.first_source, TEXT_FIELDS.utm_source),
    utm_medium: cut(sources.first_medium, TEXT_FIELDS.utm_medium),
    utm_campaign: cut(sources.first_campaign, TEXT_FIELDS.utm_campaign),
    referrer: cut(sources.first_referrer, TEXT_FIELDS.referrer),
  };
  // Said on the timeline as what it is, not as an edit by someone.
  const describe = (changes: Record<string, [unknown, unknown]>) => ({ kind: 'source.first_touch', data: { changes, session_id: sources.first_session_id } });
  await applyContactWrites(tx, workspaceId, [{ id: contactId, input, describe }], { actor: { type: 'system', id: null }, returnContacts: false });
}

interface FirstTouch {
  first_session_id: string | null;
  first_at: Date | null;
  first_channel: string | null;
  first_source: string | null;
  first_medium: string | null;
  first_campaign: string | null;
  first_referrer: string | null;
}

/** The proof a site's server gives with `identify`: hex HMAC-SHA256 of the lower-cased, trimmed email under the workspace's identify key. */
export function identifyProof(identifyKey: string, email: string): string {
  return createHmac('sha256', identifyKey).update(email.trim().toLowerCase()).digest('hex');
}

export function proofHolds(identifyKey: string, email: string, token: string): boolean {
  const expected = Buffer.from(identifyProof(identifyKey, email));
  const given = Buffer.from(token.trim().toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const CONTACT_TOKEN_PURPOSE = 'tracking.contact';

/**
 * The token a tracked email link carries (`?inflow_ct=`), signed with the workspace's secret:
 * whoever clicks it is that contact. The email module adds it to its links.
 */
export function contactLinkToken(secret: string, workspaceId: string, contactId: string, expiresAt: Date): string {
  return signToken(secret, CONTACT_TOKEN_PURPOSE, { w: workspaceId, c: contactId }, expiresAt);
}

/** The contact a claim names, once its proof holds; null for anything else (said nowhere but in the drop counts). */
export async function claimedContact(tx: Tx, workspaceId: string, identifyKey: string | null, claim: IdentifyClaim): Promise<{ contactId: string; created: boolean } | null> {
  if (claim.kind === 'contact_token') {
    const workspace = await workspaceSettings(tx, workspaceId);
    if (!workspace) return null;
    const check = verifyToken<{ w: string; c: string }>(workspace.secret, CONTACT_TOKEN_PURPOSE, claim.token);
    if (!check.ok || check.claims.w !== workspaceId) return null;
    const found = await existingContactIds(tx, workspaceId, [check.claims.c]);
    return found.has(check.claims.c) ? { contactId: check.claims.c, created: false } : null;
  }
  if (!identifyKey || !proofHolds(identifyKey, claim.email, claim.token)) return null;
  const input: ContactInput = { email: claim.email, origin: 'tracking' };
  // t.js's traits, by the names its documentation gives (docs/tracking-script.md).
  const traits = { first_name: 'first_name', last_name: 'last_name', company: 'company_name', phone: 'phone' } as const;
  for (const [trait, field] of Object.entries(traits) as [keyof typeof traits, (typeof traits)[keyof typeof traits]][]) {
    const value = claim.traits[trait];
    if (value) input[field] = value.slice(0, TEXT_FIELDS[field]);
  }
  const [result] = await applyContactWrites(tx, workspaceId, [{ input }], { actor: { type: 'system', id: null }, keepExisting: true, returnContacts: false });
  if (!result?.id || result.status === 'error') return null;
  return { contactId: result.id, created: result.status === 'created' };
}
