import { IconAt, IconCalendar, IconCheckbox, IconEyeOff, IconHash, IconLetterT, IconList, IconListCheck, IconPhone, IconShieldCheck, IconTextSize, IconWorld, type Icon } from '@tabler/icons-react';
import type { FormField } from '../../../api/forms';
import { FIELD_LABELS } from '../../../contact-fields';

export type FieldKind = FormField['kind'];
export type StandardField = Extract<FormField['maps_to'], { to: 'standard' }>['field'];
export type HiddenSource = Extract<FormField, { kind: 'hidden' }>['source'];

/** Every kind the definition has, with its name and icon; keyed by the generated type, so a new kind fails the build until it has them. */
export const KINDS: Record<FieldKind, { label: string; description: string; icon: Icon }> = {
  email: { label: 'Email', description: 'The contact’s address (one per form)', icon: IconAt },
  text: { label: 'Short text', description: 'A name, a company, a website', icon: IconLetterT },
  textarea: { label: 'Long text', description: 'A message, a question', icon: IconTextSize },
  number: { label: 'Number', description: 'Team size, budget', icon: IconHash },
  phone: { label: 'Phone', description: 'A phone number', icon: IconPhone },
  select: { label: 'Single choice', description: 'A dropdown or radio buttons', icon: IconList },
  multiselect: { label: 'Multiple choice', description: 'Check boxes', icon: IconListCheck },
  checkbox: { label: 'Checkbox', description: 'Yes or no', icon: IconCheckbox },
  date: { label: 'Date', description: 'A day', icon: IconCalendar },
  country: { label: 'Country', description: 'A list of countries', icon: IconWorld },
  consent: { label: 'Consent', description: 'A box with the legal text agreed to', icon: IconShieldCheck },
  hidden: { label: 'Hidden', description: 'Filled from the page: UTM, referrer, URL', icon: IconEyeOff },
};
export const KIND_ORDER = Object.keys(KINDS) as FieldKind[];

/** The progressive queue asks questions a known visitor has not answered: never their identity, a consent or a hidden value. */
export const QUEUE_KINDS = KIND_ORDER.filter((k) => k !== 'email' && k !== 'consent' && k !== 'hidden');

// Keyed by the generated type: a contact field the definition starts to allow fails the build until it is listed.
const STANDARD: Record<StandardField, true> = {
  email: true, first_name: true, last_name: true, phone: true, mobile_phone: true, job_title: true, company_name: true, website: true,
  country: true, city: true, street: true, state: true, postal_code: true, source: true, source_detail: true, origin: true,
  utm_source: true, utm_medium: true, utm_campaign: true, utm_term: true, utm_content: true, referrer: true,
};
/** The contact fields a form may fill, as the definition allows them, in the contact's order. */
export const STANDARD_TARGETS = (Object.keys(FIELD_LABELS) as string[]).filter((f): f is StandardField => f in STANDARD);

// The visit's UTM parameters and referrer have the names of the contact fields that keep them.
const VISIT_SOURCES = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'referrer'] as const;
export const HIDDEN_SOURCES: Record<HiddenSource, string> = {
  ...(Object.fromEntries(VISIT_SOURCES.map((s) => [s, FIELD_LABELS[s]])) as Record<(typeof VISIT_SOURCES)[number], string>),
  page_url: 'Page URL',
  page_title: 'Page title',
  query: 'A query parameter',
  fixed: 'A fixed value',
};

const KEY_BASE: Record<FieldKind, string> = {
  email: 'email', text: 'text', textarea: 'message', number: 'number', phone: 'phone', select: 'choice', multiselect: 'choices',
  checkbox: 'checkbox', date: 'date', country: 'country', consent: 'consent', hidden: 'utm_source',
};
// A kind that usually fills one contact field fills it when no other field of the form does.
const USUAL_TARGET: Partial<Record<FieldKind, StandardField>> = { email: 'email', phone: 'phone', country: 'country', hidden: 'utm_source' };

const OPTIONS = [
  { value: 'option_1', label: 'Option 1' },
  { value: 'option_2', label: 'Option 2' },
];

/** `base`, or `base_2`, `base_3`…: the first no other field has. */
export function uniqueKey(base: string, taken: ReadonlySet<string>): string {
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base.slice(0, 58)}_${n}`;
  return key;
}

/** A new field of a kind, ready to publish: a key no other field has, and the usual contact field when it is free. */
export function newField(kind: FieldKind, taken: { keys: ReadonlySet<string>; targets: ReadonlySet<string> }): FormField {
  const key = uniqueKey(KEY_BASE[kind], taken.keys);
  const usual = USUAL_TARGET[kind];
  const maps_to: FormField['maps_to'] = usual && !taken.targets.has(`standard.${usual}`) ? { to: 'standard', field: usual } : { to: 'none' };
  const base = { key, label: KINDS[kind].label, required: false, maps_to };
  switch (kind) {
    case 'email': return { ...base, kind, label: 'Email', required: true, business_only: false };
    case 'text': return { ...base, kind, max_length: 200, format: 'plain' };
    case 'textarea': return { ...base, kind, label: 'Message', max_length: 2000 };
    case 'number': return { ...base, kind, integer: false };
    case 'phone': return { ...base, kind };
    case 'select': return { ...base, kind, label: 'Choose one', options: OPTIONS, display: 'dropdown' };
    case 'multiselect': return { ...base, kind, label: 'Choose any', options: OPTIONS };
    case 'checkbox': return { ...base, kind, label: 'Yes, please' };
    case 'date': return { ...base, kind };
    case 'country': return { ...base, kind };
    case 'consent': return { ...base, kind, maps_to: { to: 'none' }, label: 'Email updates', purpose: 'email_marketing', text: 'Yes, send me emails. I can unsubscribe at any time.' };
    case 'hidden': return { ...base, kind, label: 'UTM source', source: 'utm_source' };
  }
}

/** Where a field's answer goes, in words: “Company”, “Custom field plan”, “The submission only”. */
export function targetLabel(field: FormField): string {
  const to = field.maps_to;
  if (to.to === 'standard') return FIELD_LABELS[to.field];
  if (to.to === 'custom') return `Custom field ${to.key}`;
  return field.kind === 'consent' ? 'A consent record' : 'The submission only';
}
