// The columns of a form's submissions export, and how a submission becomes a row. Pure.
import { textCell as cell } from '../contacts/csv-cells.js';
import type { SubmissionView } from './submission-queries.js';

/** After the form's own fields (one column per key any version asked): where and how each came. */
const META_COLUMNS = [
  'submission_id', 'submitted_at', 'form_version', 'contact_id', 'contact_email', 'contact_name', 'consents', 'page_url', 'page_title', 'referrer',
  'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'ip', 'user_agent', 'rescued_from_spam',
] as const;

/** The header: the field keys, then the metadata; a field key that clashes with a metadata column is prefixed `field.`. */
export function submissionHeader(fieldKeys: readonly string[]): string[] {
  const meta = new Set<string>(META_COLUMNS);
  return [...fieldKeys.map((key) => (meta.has(key) ? `field.${key}` : key)), ...META_COLUMNS];
}

/** A submission as the cells of one row, in the order of {@link submissionHeader}; not yet formula-escaped. */
export function submissionRow(submission: SubmissionView, fieldKeys: readonly string[]): string[] {
  const consents = submission.consents.map((c) => `${c.purpose}: ${c.granted ? 'yes' : 'no'}`).join('; ');
  const meta: Record<(typeof META_COLUMNS)[number], unknown> = {
    submission_id: submission.id, submitted_at: submission.submitted_at, form_version: submission.form_version,
    contact_id: submission.contact?.id, contact_email: submission.contact?.email, contact_name: submission.contact?.name, consents, page_url: submission.page_url, page_title: submission.page_title,
    referrer: submission.referrer, utm_source: submission.utm.source, utm_medium: submission.utm.medium, utm_campaign: submission.utm.campaign,
    utm_term: submission.utm.term, utm_content: submission.utm.content, ip: submission.ip, user_agent: submission.user_agent, rescued_from_spam: submission.rescued_from,
  };
  return [...fieldKeys.map((key) => cell(Object.hasOwn(submission.values, key) ? submission.values[key] : null)), ...META_COLUMNS.map((column) => cell(meta[column]))];
}
