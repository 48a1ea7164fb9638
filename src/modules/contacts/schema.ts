import { Type, type Static, type TSchema } from 'typebox';
import { NullableTimestamp, Timestamp } from '../../http/schemas.js';
import { StringEnum } from '../../schema-types.js';
import { CUSTOM_FIELD_TYPES, CUSTOM_KEY_PATTERN } from './custom-fields.js';
import { LIFECYCLE_STAGES, TEXT_FIELDS } from './fields.js';
import { SORTS } from './list.js';

export const Stage = StringEnum(LIFECYCLE_STAGES);
// Stored as text, so the handlers' rows say string; the spec (and the dashboard's types) say which.
const StoredStage = Type.Unsafe<string>(Stage);
const NullableText = (maxLength: number) => Type.Union([Type.String({ maxLength }), Type.Null()]);
const textInputs = Object.fromEntries(Object.entries(TEXT_FIELDS).map(([field, max]) => [field, Type.Optional(NullableText(max))]));
const textOutputs = Object.fromEntries(Object.keys(TEXT_FIELDS).map((field) => [field, Type.Union([Type.String(), Type.Null()])]));

/** What a caller may send for a contact; every field optional, null clears. */
export const ContactFields = Type.Object(
  {
    email: Type.Optional(NullableText(320)),
    external_id: Type.Optional(NullableText(200)),
    ...textInputs,
    lifecycle_stage: Type.Optional(Type.String({ maxLength: 50, description: LIFECYCLE_STAGES.join(', ') })),
    owner_id: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
    company_id: Type.Optional(
      Type.Union([Type.String({ maxLength: 64 }), Type.Null()], { description: 'A company of the workspace; set explicitly, it wins over linking by the email domain' }),
    ),
    do_not_email: Type.Optional(Type.Boolean()),
    do_not_call: Type.Optional(Type.Boolean()),
    tags: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100 })),
    custom: Type.Optional(Type.Record(Type.String({ pattern: CUSTOM_KEY_PATTERN }), Type.Unknown(), { maxProperties: 200 })),
  },
  { additionalProperties: false },
);

/** A contact as created or upserted: the fields, and when it was created elsewhere. */
export const ContactCreation = Type.Object(
  {
    ...ContactFields.properties,
    created_at: Type.Optional(
      Type.String({ maxLength: 40, description: 'When the contact was created elsewhere (YYYY-MM-DD, or a date and time with its offset); used only when this creates the contact' }),
    ),
  },
  { additionalProperties: false },
);

export const ContactUpsert = Type.Object(
  {
    ...ContactCreation.properties,
    keep_existing: Type.Optional(Type.Boolean({ description: 'Only fill fields that are empty on an existing contact' })),
  },
  { additionalProperties: false },
);

export const ContactSchema = Type.Object({
  id: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  external_id: Type.Union([Type.String(), Type.Null()]),
  ...textOutputs,
  lifecycle_stage: StoredStage,
  owner_id: Type.Union([Type.String(), Type.Null()]),
  company_id: Type.Union([Type.String(), Type.Null()]),
  score: Type.Integer(),
  fit_score: Type.Integer(),
  temperature: Type.Union([Type.String(), Type.Null()]),
  do_not_email: Type.Boolean(),
  do_not_call: Type.Boolean(),
  unsubscribed_at: NullableTimestamp,
  tags: Type.Array(Type.String()),
  custom: Type.Record(Type.String(), Type.Unknown()),
  created_at: Timestamp,
  updated_at: Timestamp,
  last_activity_at: NullableTimestamp,
});

export const WriteWarnings = Type.Array(Type.Object({ field: Type.String(), message: Type.String() }), {
  description:
    'What was left out of a write that went through: an external_id sent with the email of a contact that has another one, or that belongs to another contact (the first id stays)',
});

/** The answer to an upsert: the contact, and what of the input was left out, if anything. */
export const UpsertedContact = Type.Object({ ...ContactSchema.properties, warnings: Type.Optional(WriteWarnings) });

export const ContactListQuery = Type.Object(
  {
    email: Type.Optional(Type.String({ maxLength: 320 })),
    external_id: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Exactly this external id' })),
    phone: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'A phone number, compared by its digits: "+55 (11) 98765-4321" finds 5511987654321' })),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Search: the start of an email, first name, last name or company name; a full name ("Ana Souza"); an external id; or the start of a phone number',
      }),
    ),
    tag: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 })),
    stage: Type.Optional(Stage),
    owner: Type.Optional(Type.String({ maxLength: 64, description: 'A user id, or "none"' })),
    company: Type.Optional(Type.String({ maxLength: 64 })),
    list: Type.Optional(Type.String({ maxLength: 64 })),
    created_after: Type.Optional(Type.String({ format: 'date-time' })),
    created_before: Type.Optional(Type.String({ format: 'date-time' })),
    sort: Type.Optional(StringEnum(SORTS, { default: 'created_at' })),
    order: Type.Optional(StringEnum(['asc', 'desc'], { default: 'desc' })),
    cursor: Type.Optional(Type.String({ maxLength: 400 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  {
    additionalProperties: false,
    patternProperties: { '^custom\\.[a-z][a-z0-9_]{0,62}$': Type.String({ maxLength: 500 }) },
    description: 'Filter on a custom field with custom.<key>=value',
  },
);

const { cursor: _cursor, limit: _limit, sort: _sort, order: _order, ...filterProperties } = ContactListQuery.properties;

/** The list's filters, without its paging: for the export, the count and bulk actions. */
export const ContactFilterQuery = Type.Object(filterProperties, {
  additionalProperties: false,
  patternProperties: (ContactListQuery as { patternProperties?: Record<string, TSchema> }).patternProperties,
  description: 'The filters of GET /api/v1/contacts; filter on a custom field with custom.<key>=value',
});

export const CustomFieldSchema = Type.Object({
  key: Type.String(),
  label: Type.String(),
  type: StringEnum(CUSTOM_FIELD_TYPES),
  options: Type.Array(Type.String()),
  created_at: Timestamp,
});

export const CustomFieldInput = Type.Object(
  {
    key: Type.String({ pattern: CUSTOM_KEY_PATTERN }),
    label: Type.String({ minLength: 1, maxLength: 200 }),
    type: CustomFieldSchema.properties.type,
    options: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 500 })),
  },
  { additionalProperties: false },
);

export type ContactFieldsInput = Static<typeof ContactFields>;
