import type { Form } from '../../api/forms';

/** An answer as text: lists joined, ticks as Yes / No, nothing as an em dash. */
export function answerText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The label of each field key the form asks now (its draft, with the progressive queue); older keys show as they are. */
export function fieldLabels(form: Form): Map<string, string> {
  return new Map([...form.draft.fields, ...form.draft.progressive.queue].map((f) => [f.key, f.label]));
}

/** A page URL without its scheme and query, short enough for a table cell. */
export function shortPage(url: string | null): string {
  if (!url) return '—';
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return url;
  }
}

/** A consent's purpose as words: `email_marketing` → "Email marketing" (purposes are free text). */
export function purposeWords(purpose: string): string {
  const words = purpose.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
