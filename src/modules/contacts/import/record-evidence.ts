// Records what imported rows say beyond their fields, once their contacts exist: notes on the
// timeline, consent records, the time of an unsubscribe. Set-based, a few statements per chunk.
// Importing the same file again adds nothing twice: a note with the same text, or a consent
// record of the same purpose, answer and time, is already there.
import { sql } from 'kysely';
import type { Actor } from '../../../actor.js';
import type { Executor } from '../../../db/database.js';
import { noteTextsOf, recordTimeline, type TimelineEntry } from '../../timeline/timeline.js';
import { recordConsents, type ConsentRow } from '../privacy.js';
import type { RowEvidence } from './import-evidence.js';

/** The purpose the consent evidence of email tools is for, as the dashboard names it. */
export const IMPORTED_CONSENT_PURPOSE = 'email_marketing';

export async function recordImportEvidence(
  tx: Executor,
  workspaceId: string,
  actor: Actor,
  fileName: string,
  items: ReadonlyArray<{ contactId: string; evidence: RowEvidence }>,
): Promise<void> {
  if (items.length === 0) return;
  const entries: TimelineEntry[] = [];

  const notes = items.flatMap(({ contactId, evidence }) => (evidence.note ? [{ contactId, text: evidence.note }] : []));
  if (notes.length > 0) {
    const existing = await noteTextsOf(tx, workspaceId, [...new Set(notes.map((n) => n.contactId))]);
    const seen = new Set(existing.map((e) => `${e.contact_id}\n${e.text}`));
    for (const note of notes) {
      const key = `${note.contactId}\n${note.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push({ contactId: note.contactId, kind: 'note.added', data: { text: note.text } });
    }
  }

  const source = `import of ${fileName}`;
  const consents = items.flatMap(({ contactId, evidence }) => evidence.consents.map((c) => ({ contactId, ...c })));
  if (consents.length > 0) {
    const existing = await tx
      .selectFrom('consents')
      .select(['contact_id', 'granted', 'occurred_at'])
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', 'in', [...new Set(consents.map((c) => c.contactId))])
      .where('purpose', '=', IMPORTED_CONSENT_PURPOSE)
      .execute();
    const keyOf = (contactId: string, granted: boolean, at: Date) => `${contactId}\n${granted}\n${at.getTime()}`;
    const seen = new Set(existing.map((e) => keyOf(e.contact_id, e.granted, new Date(e.occurred_at))));
    const rows: ConsentRow[] = [];
    for (const consent of consents) {
      const at = new Date(consent.occurred_at);
      const key = keyOf(consent.contactId, consent.granted, at);
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ contact_id: consent.contactId, purpose: IMPORTED_CONSENT_PURPOSE, granted: consent.granted, text_shown: consent.text_shown, source, ip: consent.ip, occurred_at: at });
    }
    await recordConsents(tx, workspaceId, actor, rows);
  }

  const unsubscribed = items.flatMap(({ contactId, evidence }) => (evidence.unsubscribed_at ? [{ id: contactId, at: evidence.unsubscribed_at }] : []));
  if (unsubscribed.length > 0) {
    // The earliest unsubscribe is the one that counts: a later export cannot move it.
    await sql`
      update contacts c set unsubscribed_at = least(coalesce(c.unsubscribed_at, u.at), u.at)
        from json_to_recordset(${JSON.stringify(unsubscribed)}::json) as u(id uuid, at timestamptz)
       where c.workspace_id = ${workspaceId}::uuid and c.id = u.id`.execute(tx);
  }
  await recordTimeline(tx, workspaceId, actor, entries);
}
