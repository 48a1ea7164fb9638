import { Type, type Static } from 'typebox';
import { CUSTOM_KEY_PATTERN } from '../custom-fields.js';
import { STANDARD_FIELDS, type MappingTarget } from './column-mapping.js';
import { DEFAULT_PLACEHOLDERS } from './value-cleaning.js';
import { StringEnum } from '../../../schema-types.js';

// The API contract of an import's options and mapping, and their defaults.

export const ImportOptionsInput = Type.Object(
  {
    on_existing: Type.Optional(
      Type.Unsafe<'update' | 'skip'>({
        type: 'string',
        enum: ['update', 'skip'],
        description: 'update: rows update the contact with the same email or external id; skip: such rows are left out and the contact is not touched',
      }),
    ),
    keep_existing: Type.Optional(Type.Boolean({ description: 'When updating, only fill fields that are empty on the contact' })),
    tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 20, description: 'Added to every imported contact' })),
    placeholders: Type.Optional(
      Type.Array(Type.String({ maxLength: 100 }), { maxItems: 200, description: 'Cell values that mean "not answered", compared case-insensitively; default: Select, -, n/a, none, null…' }),
    ),
    day_first: Type.Optional(Type.Boolean({ description: 'Read 05/03/2024 as 5 March (default: May 3); ISO dates are always understood' })),
    create_fields: Type.Optional(Type.Boolean({ description: 'Create the custom fields the mapping names that do not exist yet, typed from the values (default: true, so no column is dropped unseen; columns of opt-outs and consent evidence are kept even when false)' })),
  },
  { additionalProperties: false },
);

export type ImportOptions = Required<Static<typeof ImportOptionsInput>>;

export function importOptions(input: Partial<ImportOptions> = {}): ImportOptions {
  return {
    on_existing: input.on_existing ?? 'update',
    keep_existing: input.keep_existing ?? false,
    tags: input.tags ?? [],
    placeholders: input.placeholders ?? [...DEFAULT_PLACEHOLDERS],
    day_first: input.day_first ?? false,
    create_fields: input.create_fields ?? true,
  };
}

const Strict = { additionalProperties: false } as const;

export const MappingTargetSchema = Type.Union([
  Type.Object({ kind: Type.Literal('field'), field: StringEnum(STANDARD_FIELDS) }, Strict),
  Type.Object({ kind: Type.Literal('custom'), key: Type.String({ pattern: CUSTOM_KEY_PATTERN }) }, Strict),
  Type.Object({ kind: Type.Literal('ignore') }, Strict),
]);

export const MappingEntrySchema = Type.Object(
  {
    column: Type.Integer({ minimum: 0, maximum: 9999, description: 'Zero-based position of the column in the file' }),
    header: Type.String({ maxLength: 1000, description: 'The column’s header as in the file' }),
    target: MappingTargetSchema,
  },
  Strict,
);

export interface MappingEntry {
  column: number;
  header: string;
  target: MappingTarget;
}
