import type { ContactInput } from '../contacts/contact-input.js';
import { TEXT_FIELDS } from '../contacts/fields.js';

/** Where a submission came from, as the page told us (f.js's `_utm_*`, `_ref`, `_page`). */
export interface Touch {
  page_url: string | null;
  page_title: string | null;
  referrer: string | null;
  utm: { source: string | null; medium: string | null; campaign: string | null; term: string | null; content: string | null };
}

/**
 * The Inflow page or pop-up a post was made on (`_src=page:ID` / `popup:ID`), for their
 * conversion figures. Only a claim of the page: the figures count it under the form's workspace.
 */
export interface SubmissionSource {
  kind: 'page' | 'popup';
  id: string;
}

const SOURCE = /^(page|popup):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function parseSource(value: string | null): SubmissionSource | null {
  const match = value ? SOURCE.exec(value.toLowerCase()) : null;
  return match ? { kind: match[1] as SubmissionSource['kind'], id: match[2]! } : null;
}

const cut = (value: string | null, max: number) => (value === null ? null : value.slice(0, max));

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

/**
 * The contact's source fields from a submission: the contacts engine keeps first-touch fields
 * that already have a value (`keepFirstTouch`), so these only fill a new or unattributed
 * contact; `latest_source*` always follow.
 */
export function touchOf(touch: Touch, formName: string): ContactInput {
  const source = touch.utm.source ?? hostOf(touch.referrer) ?? 'direct';
  const detail = touch.utm.campaign ?? touch.referrer;
  const input: ContactInput = {
    source: cut(source, TEXT_FIELDS.source),
    source_detail: cut(detail, TEXT_FIELDS.source_detail),
    origin: 'form',
    utm_source: cut(touch.utm.source, TEXT_FIELDS.utm_source),
    utm_medium: cut(touch.utm.medium, TEXT_FIELDS.utm_medium),
    utm_campaign: cut(touch.utm.campaign, TEXT_FIELDS.utm_campaign),
    utm_term: cut(touch.utm.term, TEXT_FIELDS.utm_term),
    utm_content: cut(touch.utm.content, TEXT_FIELDS.utm_content),
    referrer: cut(touch.referrer, TEXT_FIELDS.referrer),
    latest_source: cut(source, TEXT_FIELDS.latest_source),
    latest_source_detail: cut(`form: ${formName}`, TEXT_FIELDS.latest_source_detail),
  };
  // A null would clear the contact's value: what the page did not tell us is left out.
  for (const [key, value] of Object.entries(input)) if (value === null) delete input[key as keyof ContactInput];
  return input;
}
