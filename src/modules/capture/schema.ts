import { Type } from 'typebox';
import { PageQuery } from '../../http/pagination.js';
import { Timestamp } from '../../http/schemas.js';
import { StringEnum } from '../../schema-types.js';
import { FormDefinitionRef as FormDefinition } from './definition.js';
import { FORM_TEMPLATES } from './templates.js';

const FormName = Type.String({ minLength: 1, maxLength: 200 });
const STATUSES = ['draft', 'live', 'archived'] as const;

export const FormSchema = Type.Object({
  id: Type.String({ description: 'The form’s public id, in its embed code and URLs' }),
  name: Type.String(),
  template: Type.Union([Type.String(), Type.Null()]),
  status: StringEnum(STATUSES),
  draft: FormDefinition,
  draft_revision: Type.Integer({ description: 'Send it back with a draft edit: a stale one is refused (409)' }),
  live_version: Type.Union([Type.Integer(), Type.Null()]),
  submissions_total: Type.Integer(),
  created_at: Timestamp,
  updated_at: Timestamp,
});

export const FormCreate = Type.Object(
  {
    name: Type.Optional(FormName),
    template: Type.Optional(StringEnum(FORM_TEMPLATES.map((t) => t.id), { description: 'Start from a template (GET /api/v1/form-templates)' })),
    definition: Type.Optional(FormDefinition),
    list_id: Type.Optional(Type.String({ format: 'uuid', description: 'The list the form adds contacts to (a newsletter template otherwise uses, or creates, “Newsletter”)' })),
  },
  { additionalProperties: false },
);

export const FormPatch = Type.Object(
  {
    name: Type.Optional(FormName),
    draft: Type.Optional(FormDefinition),
    draft_revision: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const FormListQuery = Type.Object(
  {
    ...PageQuery.properties,
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Names starting with this, any case' })),
    status: Type.Optional(StringEnum(STATUSES, { description: 'Only forms in this state (archived ones are listed only when asked)' })),
  },
  { additionalProperties: false },
);

export const Published = Type.Object({ version: Type.Integer(), published_at: Timestamp });

export const VersionParams = Type.Object({ id: Type.String({ maxLength: 64 }), version: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }) }, { additionalProperties: false });

export const RestoreBody = Type.Object(
  { draft_revision: Type.Optional(Type.Integer({ minimum: 1, description: 'The revision the draft was loaded at: a stale one is refused (409), so unsaved edits made elsewhere are not lost' })) },
  { additionalProperties: false },
);

export const TemplateSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  list_name: Type.Union([Type.String(), Type.Null()]),
  definition: FormDefinition,
});
