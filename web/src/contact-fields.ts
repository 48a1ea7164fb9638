import type { Contact, LifecycleStage } from './api/contacts';
import type { CustomField, CustomFieldType } from './api/custom-fields';

// Words for the contact fields and stages the server defines. Each table is keyed by the
// generated types, so a field or stage the server adds fails the build until it has a name.

/** The fields of a contact a person reads and changes (not its id, timestamps or custom values). */
export type ContactField = Exclude<keyof Contact, 'id' | 'custom' | 'created_at' | 'updated_at' | 'last_activity_at' | 'unsubscribed_at'>;

/** What marketers call each standard field; also the timeline's words for changed fields. In the server's order. */
export const FIELD_LABELS: Record<ContactField, string> = {
  email: 'Email',
  external_id: 'External ID',
  first_name: 'First name',
  last_name: 'Last name',
  phone: 'Phone',
  mobile_phone: 'Mobile phone',
  job_title: 'Job title',
  company_name: 'Company',
  website: 'Website',
  country: 'Country',
  city: 'City',
  street: 'Street',
  state: 'State or region',
  postal_code: 'Postal code',
  lead_status: 'Lead status',
  source: 'Source',
  source_detail: 'Source detail',
  origin: 'Origin',
  utm_source: 'UTM source',
  utm_medium: 'UTM medium',
  utm_campaign: 'UTM campaign',
  utm_term: 'UTM term',
  utm_content: 'UTM content',
  referrer: 'Referrer',
  latest_source: 'Latest source',
  latest_source_detail: 'Latest source detail',
  lifecycle_stage: 'Lifecycle stage',
  owner_id: 'Owner',
  company_id: 'Company record',
  do_not_email: 'Do not email',
  do_not_call: 'Do not call',
  tags: 'Tags',
  score: 'Score',
  fit_score: 'Fit score',
  temperature: 'Temperature',
};

/** A field's name for people; a key the server added since this build is shown as it is. */
export const fieldLabel = (key: string) => (FIELD_LABELS as Record<string, string | undefined>)[key] ?? key;

/** The stages in funnel order, as the server lists them, with their names. */
export const STAGE_LABELS: Record<LifecycleStage, string> = {
  subscriber: 'Subscriber',
  lead: 'Lead',
  mql: 'MQL',
  sql: 'SQL',
  opportunity: 'Opportunity',
  customer: 'Customer',
  evangelist: 'Evangelist',
  other: 'Other',
};

/** Stages warm up from grey to green along the funnel. */
export const STAGE_COLORS: Record<LifecycleStage, string> = {
  subscriber: 'gray',
  lead: 'blue',
  mql: 'cyan',
  sql: 'teal',
  opportunity: 'orange',
  customer: 'green',
  evangelist: 'grape',
  other: 'gray',
};

export const STAGES = Object.keys(STAGE_LABELS) as LifecycleStage[];
export const STAGE_OPTIONS = STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }));
export const isStage = (value: string): value is LifecycleStage => value in STAGE_LABELS;
export const stageLabel = (stage: string) => (isStage(stage) ? STAGE_LABELS[stage] : stage);

export const CUSTOM_TYPE_LABELS: Record<CustomFieldType, string> = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  boolean: 'Yes / no',
  select: 'Single choice',
  multiselect: 'Multiple choice',
};

const SHORT_ID = 10;

/**
 * How a contact is named everywhere: "Ana Souza", else the email, else the phone, else
 * "Contact" and its external id ("Contact hs-4242"; a long one shortened: "Contact 00Q5g000…").
 */
export function contactName(contact: Pick<Contact, 'first_name' | 'last_name' | 'email' | 'external_id'> & { phone?: string | null }): string {
  const name = [contact.first_name, contact.last_name].filter(Boolean).join(' ');
  if (name || contact.email || contact.phone) return name || contact.email || contact.phone!;
  const id = contact.external_id;
  if (!id) return 'Unnamed contact';
  return `Contact ${id.length > SHORT_ID ? `${id.slice(0, 8)}…` : id}`;
}

/** A custom value as text, for tables and the timeline. */
export function customValueText(value: unknown, field?: Pick<CustomField, 'type'>): string {
  if (value === null || value === undefined || value === '') return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean' || field?.type === 'boolean') return value ? 'Yes' : 'No';
  if (field?.type === 'date' && typeof value === 'string') {
    const date = new Date(`${value}T00:00:00`);
    if (!Number.isNaN(date.getTime())) return date.toLocaleDateString(undefined, { dateStyle: 'medium' });
  }
  return String(value);
}

/** Suggests a custom field key from its label: "Annual revenue (USD)" → "annual_revenue_usd". */
export function keyFromLabel(label: string): string {
  const key = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '');
  return key.slice(0, 63).replace(/_+$/, '');
}
