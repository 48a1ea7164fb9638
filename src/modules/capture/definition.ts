import { Type, type Static, type TSchema } from 'typebox';
import { StringEnum } from '../../schema-types.js';
import { CUSTOM_KEY_PATTERN } from '../contacts/custom-fields.js';
import { LIFECYCLE_STAGES, TEXT_FIELDS, type TextField } from '../contacts/fields.js';
import { isReplaceable } from './progressive.js';

/**
 * A form's definition: the contract between the builder (dashboard), the server (validation,
 * the write path), f.js and the hosted pages. A draft is one; a published version is a frozen
 * copy of one. Every package reads it through these types.
 */

const Str = (minLength: number, maxLength: number) => Type.String({ minLength, maxLength });
const Int = (minimum: number, maximum: number, dflt?: number) => Type.Integer({ minimum, maximum, ...(dflt === undefined ? {} : { default: dflt }) });
const Opt = <T extends TSchema>(schema: T) => Type.Optional(schema);

// Leading '_' is reserved for the wire's meta keys (_sid, _hp, _t, …).
export const FIELD_KEY_PATTERN = '^[a-z][a-z0-9_]{0,62}$';
const FieldKey = Type.String({ pattern: FIELD_KEY_PATTERN, description: 'The field’s name on the wire: lower case, digits, `_`; not starting with `_`' });

/** The standard contact fields a form field may fill: email and the text fields a visitor can know. */
export const FORM_STANDARD_FIELDS = [
  'email',
  ...(Object.keys(TEXT_FIELDS) as TextField[]).filter((f) => f !== 'latest_source' && f !== 'latest_source_detail' && f !== 'lead_status'),
] as const;
export type FormStandardField = (typeof FORM_STANDARD_FIELDS)[number];

const MapsTo = Type.Union([
  Type.Object({ to: Type.Literal('standard'), field: StringEnum(FORM_STANDARD_FIELDS) }, { additionalProperties: false }),
  Type.Object({ to: Type.Literal('custom'), key: Type.String({ pattern: CUSTOM_KEY_PATTERN }) }, { additionalProperties: false }),
  Type.Object({ to: Type.Literal('none') }, { additionalProperties: false }),
], { description: 'Where the answer goes on the contact; `none` keeps it on the submission only' });

const Options = Type.Array(Type.Object({ value: Str(1, 200), label: Str(1, 200) }, { additionalProperties: false }), { minItems: 1, maxItems: 500 });
// 'today' keeps a date rule true over time (no past dates for a booking).
const DateOrToday = Type.String({ pattern: '^(today|\\d{4}-\\d{2}-\\d{2})$' });
const HttpUrl = Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2000 });
const Origin = Type.String({ pattern: '^https?://[a-z0-9.-]+(:\\d{1,5})?$', maxLength: 300 });
const Domain = Type.String({ pattern: '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$', maxLength: 253 });
const Email = Type.String({ format: 'email', maxLength: 254 });
const Id = Type.String({ format: 'uuid' });

const base = {
  key: FieldKey,
  label: Str(1, 200),
  help: Opt(Str(0, 500)),
  placeholder: Opt(Str(0, 200)),
  required: Type.Boolean(),
  maps_to: MapsTo,
};
const closed = { additionalProperties: false } as const;

export const HIDDEN_SOURCES = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'referrer', 'page_url', 'page_title', 'query', 'fixed'] as const;

export const FORM_FIELD_SCHEMA_ID = 'FormField';
export const FORM_DEFINITION_SCHEMA_ID = 'FormDefinition';

export const FormField = Type.Union([
  Type.Object({ ...base, kind: Type.Literal('email'), business_only: Type.Boolean() }, closed),
  Type.Object({ ...base, kind: Type.Literal('text'), min_length: Opt(Int(0, 500)), max_length: Int(1, 500, 200), format: StringEnum(['plain', 'url']) }, closed),
  Type.Object({ ...base, kind: Type.Literal('textarea'), max_length: Int(1, 10_000, 2_000) }, closed),
  Type.Object({ ...base, kind: Type.Literal('number'), min: Opt(Type.Number()), max: Opt(Type.Number()), integer: Type.Boolean() }, closed),
  Type.Object({ ...base, kind: Type.Literal('phone') }, closed),
  Type.Object({ ...base, kind: Type.Literal('select'), options: Options, display: StringEnum(['dropdown', 'radio']) }, closed),
  Type.Object({ ...base, kind: Type.Literal('multiselect'), options: Options, min_selected: Opt(Int(0, 500)), max_selected: Opt(Int(1, 500)) }, closed),
  Type.Object({ ...base, kind: Type.Literal('checkbox') }, closed),
  Type.Object({ ...base, kind: Type.Literal('date'), min: Opt(DateOrToday), max: Opt(DateOrToday) }, closed),
  Type.Object({ ...base, kind: Type.Literal('country') }, closed),
  // The text is what the person agrees to; it is stored verbatim with each consent record.
  Type.Object({ ...base, kind: Type.Literal('consent'), purpose: Str(1, 100), text: Str(1, 2000) }, closed),
  Type.Object({ ...base, kind: Type.Literal('hidden'), source: StringEnum(HIDDEN_SOURCES), param: Opt(Str(1, 100)), value: Opt(Str(0, 500)) }, closed),
], { $id: FORM_FIELD_SCHEMA_ID, description: 'One field of a form, by its kind' });
export type FormFieldValue = Static<typeof FormField>;
// The definition names its fields by reference: the union is listed once in the OpenAPI spec.
const FieldRef = Type.Unsafe<FormFieldValue>({ $ref: `${FORM_FIELD_SCHEMA_ID}#` });
export type FieldKind = FormFieldValue['kind'];

export const AfterSubmit = Type.Union([
  Type.Object({ type: Type.Literal('message'), message: Str(1, 2000) }, closed),
  Type.Object({ type: Type.Literal('redirect'), url: HttpUrl }, closed),
  Type.Object({ type: Type.Literal('page'), title: Str(1, 200), message: Str(1, 5000) }, closed),
  // A thank-you page of the workspace (issue 11); while it is not live, the form's own thank-you page shows.
  Type.Object({ type: Type.Literal('landing_page'), page_id: Id }, closed),
]);
export type AfterSubmitValue = Static<typeof AfterSubmit>;

export const SpamSettings = Type.Object({
  min_fill_seconds: Int(0, 60, 3),
  max_per_ip_per_hour: Int(0, 1000, 10),
  max_per_form_per_minute: Int(0, 100_000, 600),
  blocked_domains: Type.Array(Domain, { maxItems: 500 }),
  block_disposable: Type.Boolean(),
}, { ...closed, description: 'A limit of 0 is off' });

export const FormSettings = Type.Object({
  submit_label: Str(1, 60),
  after_submit: AfterSubmit,
  tags: Type.Array(Str(1, 100), { maxItems: 20 }),
  list_ids: Type.Array(Id, { maxItems: 10 }),
  lifecycle_stage: Type.Union([StringEnum(LIFECYCLE_STAGES), Type.Null()], { description: 'New contacts get it; existing ones only move up' }),
  notify_emails: Type.Array(Email, { maxItems: 10 }),
  double_opt_in: Type.Boolean(),
  follow_up_email: Type.Union([Type.Object({ subject: Str(1, 200), body: Str(1, 20_000) }, closed), Type.Null()]),
  allowed_origins: Type.Array(Origin, { maxItems: 50, description: 'Sites that may post the form, as `https://host[:port]`; empty: any' }),
  spam: SpamSettings,
  asset_id: Type.Optional(Type.Union([Id, Type.Null()], { description: 'An asset offered after a submission: the lead gets a signed, expiring download link (docs/assets.md)' })),
}, closed);

export const FormDefinition = Type.Object({
  fields: Type.Array(FieldRef, { minItems: 1, maxItems: 50 }),
  progressive: Type.Object({ enabled: Type.Boolean(), queue: Type.Array(FieldRef, { maxItems: 30, description: 'Asked in place of fields a known visitor already answered (no email, consent or hidden fields)' }) }, closed),
  settings: FormSettings,
}, { ...closed, $id: FORM_DEFINITION_SCHEMA_ID, description: 'A form: its fields, progressive profiling queue and settings' });
export type FormDefinitionValue = Static<typeof FormDefinition>;
/** The definition in a route schema: by reference to the shared schema the capture module adds. */
export const FormDefinitionRef = Type.Unsafe<FormDefinitionValue>({ $ref: `${FORM_DEFINITION_SCHEMA_ID}#` });

export interface DefinitionProblem {
  field: string;
  message: string;
}

/** The target of a field on the contact, as one comparable string; null when it fills nothing. */
export function targetOf(field: FormFieldValue): string | null {
  const to = field.maps_to;
  if (to.to === 'standard') return `standard.${to.field}`;
  if (to.to === 'custom') return `custom.${to.key}`;
  return null;
}

/**
 * What makes a structurally valid definition unusable, each with its path (`fields.3.maps_to`):
 * checks that need no database. Publishing refuses a definition with any.
 */
export function definitionProblems(def: FormDefinitionValue, path = ''): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const at = (p: string) => (path ? `${path}.${p}` : p);
  const keys = new Map<string, string>();
  const targets = new Map<string, string>();
  const all = [...def.fields.map((f, i) => [f, `fields.${i}`] as const), ...def.progressive.queue.map((f, i) => [f, `progressive.queue.${i}`] as const)];
  for (const [field, where] of all) {
    const seen = keys.get(field.key);
    if (seen) problems.push({ field: at(`${where}.key`), message: `is already the key of ${seen}` });
    else keys.set(field.key, where);
    const target = targetOf(field);
    if (target) {
      const other = targets.get(target);
      if (other) problems.push({ field: at(`${where}.maps_to`), message: `fills the same contact field as ${other}` });
      else targets.set(target, where);
    }
    if (field.kind === 'hidden' && field.source === 'query' && !field.param) problems.push({ field: at(`${where}.param`), message: 'is required when the source is query' });
    if (field.kind === 'hidden' && field.source === 'fixed' && field.value === undefined) problems.push({ field: at(`${where}.value`), message: 'is required when the source is fixed' });
    if (field.kind === 'consent' && field.maps_to.to !== 'none') problems.push({ field: at(`${where}.maps_to`), message: 'must be none for a consent (it is recorded as a consent)' });
    if (field.kind === 'email' && !(field.maps_to.to === 'standard' && field.maps_to.field === 'email')) problems.push({ field: at(`${where}.maps_to`), message: 'must be the standard email field' });
    if (field.kind !== 'email' && field.maps_to.to === 'standard' && field.maps_to.field === 'email') problems.push({ field: at(`${where}.maps_to`), message: 'only an email field may fill the email' });
    if (field.kind === 'text' && field.min_length !== undefined && field.min_length > field.max_length) problems.push({ field: at(`${where}.min_length`), message: 'must not exceed max_length' });
    if (field.kind === 'number' && field.min !== undefined && field.max !== undefined && field.min > field.max) problems.push({ field: at(`${where}.min`), message: 'must not exceed max' });
    if (field.kind === 'multiselect' && field.min_selected !== undefined && field.max_selected !== undefined && field.min_selected > field.max_selected) problems.push({ field: at(`${where}.min_selected`), message: 'must not exceed max_selected' });
    if ((field.kind === 'select' || field.kind === 'multiselect') && new Set(field.options.map((o) => o.value)).size !== field.options.length) problems.push({ field: at(`${where}.options`), message: 'has the same value twice' });
  }
  def.progressive.queue.forEach((field, i) => {
    if (!isReplaceable(field.kind)) problems.push({ field: at(`progressive.queue.${i}.kind`), message: `a ${field.kind} field cannot be in the progressive queue` });
  });
  const emails = def.fields.map((f, i) => [f, i] as const).filter(([f]) => f.kind === 'email');
  if (emails.length === 0) problems.push({ field: at('fields'), message: 'needs an email field (the contact’s identity)' });
  if (emails.length > 1) problems.push({ field: at(`fields.${emails[1]![1]}`), message: 'is a second email field; a form has one' });
  for (const [field, i] of emails) if (!field.required) problems.push({ field: at(`fields.${i}.required`), message: 'must be true for the email field' });
  return problems;
}
