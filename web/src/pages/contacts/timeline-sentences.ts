// A contact's timeline told in sentences: "Ana changed City from Recife to Natal". Pure, so the
// wording does not depend on how it is drawn. Values stay plain strings: React escapes them.

import type { TimelineEntry } from '../../api/contacts';
import type { CustomField } from '../../api/custom-fields';
import type { Member } from '../../api/types';
import { customValueText, FIELD_LABELS, fieldLabel as standardLabel, stageLabel } from '../../contact-fields';

export interface SentenceContext {
  members: ReadonlyMap<string, Member>;
  customFields: ReadonlyMap<string, CustomField>;
  /** The signed-in user, who reads as "You". */
  userId: string;
}

export interface TimelineSentence {
  actor: string;
  /** Follows the actor: "changed City from Recife to Natal". */
  action: string;
  /** One line per change when an entry holds several. */
  details: string[];
  /** The text of a note, shown as it was typed. */
  note?: string;
}

const MAX_VALUE = 80;

function memberName(context: SentenceContext, id: unknown): string {
  if (typeof id !== 'string') return 'someone';
  if (id === context.userId) return 'you';
  const member = context.members.get(id);
  return member ? member.name || member.email : 'a former user';
}

export function actorName(entry: Pick<TimelineEntry, 'actor_type' | 'actor_id'>, context: SentenceContext): string {
  switch (entry.actor_type) {
    case 'user':
      if (entry.actor_id === context.userId) return 'You';
      return entry.actor_id && context.members.get(entry.actor_id)
        ? memberName(context, entry.actor_id)
        : 'A former user';
    case 'api_key':
      return 'An API key';
    case 'import':
      return 'An import';
    case 'system':
      return 'Inflow';
    case 'form':
      return 'A form';
    case 'visitor':
      return 'The visitor';
    default:
      return 'Someone';
  }
}

function fieldLabel(field: string, context: SentenceContext): string {
  if (field.startsWith('custom.')) {
    const key = field.slice(7);
    return context.customFields.get(key)?.label ?? key;
  }
  return field in FIELD_LABELS ? standardLabel(field) : field.replace(/_/g, ' ');
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_VALUE ? `${oneLine.slice(0, MAX_VALUE - 1)}…` : oneLine;
}

/** A stored value as a reader would say it, or null when there is none. */
function valueText(field: string, value: unknown, context: SentenceContext): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (field === 'lifecycle_stage' && typeof value === 'string') return stageLabel(value);
  if (field === 'owner_id') return memberName(context, value);
  if (field.startsWith('custom.')) {
    const text = customValueText(value, context.customFields.get(field.slice(7)));
    return text ? shorten(text) : null;
  }
  if (Array.isArray(value)) return value.length ? shorten(value.join(', ')) : null;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return shorten(String(value));
}

function tagChange(before: unknown, after: unknown): string[] {
  const old = Array.isArray(before) ? (before as string[]) : [];
  const next = Array.isArray(after) ? (after as string[]) : [];
  const lower = (list: string[]) => new Set(list.map((t) => t.toLowerCase()));
  const had = lower(old);
  const has = lower(next);
  const added = next.filter((t) => !had.has(t.toLowerCase()));
  const removed = old.filter((t) => !has.has(t.toLowerCase()));
  const list = (tags: string[]) => tags.map(shorten).join(', ');
  const out: string[] = [];
  if (added.length) out.push(`added the ${added.length === 1 ? 'tag' : 'tags'} ${list(added)}`);
  if (removed.length) out.push(`removed the ${removed.length === 1 ? 'tag' : 'tags'} ${list(removed)}`);
  return out;
}

/** One field's change, as the words after the actor's name. */
export function changeSentences(field: string, before: unknown, after: unknown, context: SentenceContext): string[] {
  if (field === 'tags') return tagChange(before, after);
  const label = fieldLabel(field, context);
  if (field === 'do_not_email' || field === 'do_not_call') {
    return [`${after ? 'turned on' : 'turned off'} ${label}`];
  }
  if (field === 'company_id') return [after ? 'linked the contact to a company' : 'unlinked the contact from its company'];
  if (field === 'owner_id') {
    return [after ? `assigned the contact to ${memberName(context, after)}` : 'left the contact without an owner'];
  }
  const old = valueText(field, before, context);
  const next = valueText(field, after, context);
  if (field === 'lifecycle_stage') return [`moved the stage from ${old ?? 'none'} to ${next ?? 'none'}`];
  if (old === null && next !== null) return [`set ${label} to ${next}`];
  if (old !== null && next === null) return [`cleared ${label} (was ${old})`];
  return [`changed ${label} from ${old} to ${next}`];
}

function changesOf(data: Record<string, unknown>, key: 'changes' | 'fields'): [string, unknown, unknown][] {
  const raw = data[key];
  if (!raw || typeof raw !== 'object') return [];
  return Object.entries(raw as Record<string, unknown>).flatMap(([field, pair]) =>
    Array.isArray(pair) && pair.length === 2 ? [[field, pair[0], pair[1]] as [string, unknown, unknown]] : [],
  );
}

// Read a new contact the way its page reads: name first, then how to reach them, then the rest.
const FIELD_ORDER = ['first_name', 'last_name', 'email', 'external_id', 'phone', ...Object.keys(FIELD_LABELS)];
const fieldRank = (field: string) => {
  if (field === 'tags') return 1000;
  const rank = FIELD_ORDER.indexOf(field);
  return rank === -1 ? 500 : rank;
};

const quoted = (value: unknown) => (typeof value === 'string' ? `“${shorten(value)}”` : '(deleted)');

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The sentence for one timeline entry; kinds this dashboard does not know yet read from their name. */
export function describeEntry(entry: TimelineEntry, context: SentenceContext): TimelineSentence {
  const actor = actorName(entry, context);
  switch (entry.kind) {
    case 'contact.created': {
      // An import's entries name its file; the values it brought are on the contact.
      if (typeof entry.data.file_name === 'string') {
        return { actor, action: `created the contact from the file ${quoted(entry.data.file_name)}`, details: [] };
      }
      const details = changesOf(entry.data, 'fields')
        .sort(([a], [b]) => fieldRank(a) - fieldRank(b))
        .flatMap(([field, , value]) => {
          // Switches that start off say nothing worth reading, and the company link is an id.
          if ((field === 'do_not_email' || field === 'do_not_call') && value === false) return [];
          if (field === 'company_id') return [];
          const text = valueText(field, value, context);
          return text === null ? [] : [`${fieldLabel(field, context)}: ${text}`];
        });
      return { actor, action: 'created the contact', details };
    }
    case 'contact.updated': {
      const sentences = changesOf(entry.data, 'changes').flatMap(([field, before, after]) =>
        changeSentences(field, before, after, context),
      );
      if (sentences.length === 0) return { actor, action: 'updated the contact', details: [] };
      if (sentences.length === 1) return { actor, action: sentences[0]!, details: [] };
      return { actor, action: `made ${sentences.length} changes`, details: sentences.map(capitalise) };
    }
    case 'list.added':
      return { actor, action: `added the contact to the list ${quoted(entry.data.list_name)}`, details: [] };
    case 'list.removed':
      return { actor, action: `took the contact off the list ${quoted(entry.data.list_name)}`, details: [] };
    case 'consent.granted':
    case 'consent.refused': {
      const purpose = typeof entry.data.purpose === 'string' ? entry.data.purpose.replace(/_/g, ' ') : 'contact';
      const source = typeof entry.data.source === 'string' ? ` (${shorten(entry.data.source)})` : '';
      const verb = entry.kind === 'consent.granted' ? 'recorded consent to' : 'recorded a refusal of';
      return { actor, action: `${verb} ${shorten(purpose)}${source}`, details: [] };
    }
    case 'contact.merged': {
      const other = (entry.data.merged_contact ?? {}) as { email?: unknown; external_id?: unknown };
      const name = typeof other.email === 'string' ? other.email : typeof other.external_id === 'string' ? other.external_id : 'another contact';
      const details = changesOf(entry.data, 'changes').flatMap(([field, before, after]) => changeSentences(field, before, after, context));
      return { actor, action: `merged ${shorten(name)} into this contact`, details: details.map(capitalise) };
    }
    case 'contact.deleted':
      return { actor, action: 'moved the contact to the trash', details: [] };
    case 'contact.restored':
      return { actor, action: 'restored the contact from the trash', details: [] };
    case 'form.submitted': {
      const page = typeof entry.data.page_url === 'string' ? ` on ${shorten(entry.data.page_url)}` : '';
      // The person did it, through the form.
      return { actor: 'The contact', action: `filled in the form ${quoted(entry.data.form_name)}${page}`, details: [] };
    }
    case 'asset.downloaded':
      // The person did it, through the link they were given.
      return { actor: 'The contact', action: `downloaded ${quoted(entry.data.asset_name)}`, details: [] };
    case 'site.visited': {
      // The person did it (before they were known, when the entry says so).
      const landing = typeof entry.data.landing_url === 'string' ? ` on ${shorten(entry.data.landing_url)}` : '';
      const source = [entry.data.source, entry.data.campaign].filter((v) => typeof v === 'string' && v).join(' / ');
      const channel = typeof entry.data.channel === 'string' ? entry.data.channel.replace(/_/g, ' ') : 'an unknown channel';
      return { actor: entry.data.before_identified ? 'The contact, not yet known,' : 'The contact', action: `visited the site, landing${landing}, from ${channel}${source ? ` (${shorten(source)})` : ''}`, details: [] };
    }
    case 'source.first_touch': {
      const details = changesOf(entry.data, 'changes').flatMap(([field, before, after]) => changeSentences(field, before, after, context));
      return { actor, action: 'set where the contact first came from to its first tracked visit', details: details.map(capitalise) };
    }
    case 'visitor.identified': {
      const how = entry.data.via === 'form' ? 'by a form' : entry.data.via === 'email_click' ? 'by a click in an email' : 'by the site';
      const sessions = typeof entry.data.sessions === 'number' ? entry.data.sessions : 0;
      const views = typeof entry.data.page_views === 'number' ? entry.data.page_views : 0;
      return { actor: 'A browser', action: `was identified as this contact ${how}: ${sessions} earlier ${sessions === 1 ? 'visit' : 'visits'} and ${views} page ${views === 1 ? 'view' : 'views'} joined the contact`, details: [] };
    }
    case 'note.added':
      return { actor, action: 'added a note', details: [], note: typeof entry.data.text === 'string' ? entry.data.text : '' };
    default: {
      // `score.changed` → "changed a score": until this dashboard learns the kind's own words.
      const words = entry.kind.split(/[._]/).filter(Boolean);
      const verb = words.pop() ?? 'recorded';
      const noun = words.join(' ') || 'an activity';
      const article = words.length === 0 ? '' : /^[aeiou]/i.test(noun) ? 'an ' : 'a ';
      return { actor, action: `${verb} ${article}${noun}`, details: [] };
    }
  }
}
