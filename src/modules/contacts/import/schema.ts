import { Type } from 'typebox';
import { StringEnum } from '../../../schema-types.js';
import { NullableTimestamp, Timestamp } from '../../../http/schemas.js';
import { CUSTOM_FIELD_TYPES } from '../custom-fields.js';
import { ImportOptionsInput, MappingEntrySchema } from './import-options.js';

// The API contract of imports.

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Count = Type.Integer({ minimum: 0 });

export const ImportSchema = Type.Object({
  id: Type.String(),
  status: Type.Unsafe<string>({
    type: 'string',
    enum: ['draft', 'queued', 'running', 'done', 'failed', 'cancelled'],
    description: 'draft: uploaded, waiting for its mapping and start; queued/running; done; failed (see error); cancelled',
  }),
  file_name: Type.String(),
  file_size: Type.Integer(),
  encoding: Nullable(Type.String({ description: 'utf-8, or windows-1252 for files that are not valid UTF-8; null until the run reads the file' })),
  mapping: Nullable(Type.Array(MappingEntrySchema, { description: 'null: the guess is taken when the import starts' })),
  options: Type.Required(ImportOptionsInput),
  rows_total: Nullable(Type.Integer({ description: 'Data rows in the file: counted before the first row is written, exact once done' })),
  rows_processed: Count,
  rows_created: Count,
  rows_updated: Count,
  rows_skipped: Count,
  rows_failed: Count,
  rows_warned: Type.Integer({ minimum: 0, description: 'Rows imported with a value left out (an owner no member is, a stage Inflow does not have, an external id that conflicts with the contact of the row\'s email): warnings in the report' }),
  error: Nullable(Type.String()),
  error_report: Nullable(Type.String({ description: 'Path of the per-row error report (CSV), once there are errors' })),
  created_by: Type.Object({ type: Type.String(), id: Nullable(Type.String()) }),
  first_problems: Type.Optional(
    Type.Array(
      Type.Object({
        row: Type.Integer(),
        column: Type.String(),
        value: Type.String(),
        message: Type.String(),
        level: StringEnum(['error', 'warning']),
      }),
      { description: 'GET /imports/{id} only: the first lines of the report, so the result shows what went wrong without a download' },
    ),
  ),
  created_at: Timestamp,
  updated_at: Timestamp,
  started_at: NullableTimestamp,
  finished_at: NullableTimestamp,
  files_removed_at: Type.Union([Timestamp, Type.Null()], {
    description: 'When the upload and the error report were removed: 7 days after a draft was last touched, 30 days after an import ended',
  }),
});

export const PreviewSchema = Type.Object({
  headers: Type.Array(Type.String()),
  vendor: Type.Union([Type.String(), Type.Null()], { description: 'The tool whose export the header row is (HubSpot, Mautic, Salesforce, Mailchimp, RD Station, Pipedrive, ActiveCampaign, Brevo), when it can be told' }),
  delimiter: Type.String(),
  encoding: Type.String(),
  mapping: Type.Array(
    Type.Object({
      ...MappingEntrySchema.properties,
      confidence: Type.Optional(Type.String({ description: 'exact: our own key; alias: another tool’s name for it; none: a suggestion' })),
      compliance: Type.Boolean({ description: 'The column holds email opt-outs or consent evidence: it cannot be left out (mapped to ignore)' }),
    }),
  ),
  new_fields: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      type: Type.Unsafe<string>({ type: 'string', enum: [...CUSTOM_FIELD_TYPES] }),
    }),
    { description: 'Custom fields an import with create_fields would create, typed from the sample rows' },
  ),
  problems: Type.Array(Type.Object({ field: Type.String(), message: Type.String() }), { description: 'Why this mapping cannot run as it is' }),
  sample_rows: Type.Array(Type.Array(Type.String())),
});

export const UploadQuery = Type.Object(
  {
    file_name: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
    start: Type.Optional(Type.Boolean({ default: true, description: 'false: keep a draft to preview, map (PATCH) and start later' })),
    on_existing: ImportOptionsInput.properties.on_existing,
    keep_existing: ImportOptionsInput.properties.keep_existing,
    tag: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 20 })),
    day_first: ImportOptionsInput.properties.day_first,
    create_fields: ImportOptionsInput.properties.create_fields,
  },
  { additionalProperties: false },
);

export const ImportPatch = Type.Object(
  {
    mapping: Type.Optional(Nullable(Type.Array(MappingEntrySchema, { maxItems: 2000 }))),
    options: Type.Optional(ImportOptionsInput),
  },
  { additionalProperties: false },
);

export const ImportStorageSchema = Type.Object(
  {
    used_bytes: Type.Integer({ description: 'Bytes of the import files the workspace keeps (uploads and error reports not yet expired)' }),
    quota_bytes: Type.Integer({ description: 'What it may keep (INFLOW_IMPORT_QUOTA_MB)' }),
    disk_free_bytes: Type.Integer({ description: 'Free space on the disk of the import directory' }),
    disk_reserve_bytes: Type.Integer({ description: 'Space no upload may take (INFLOW_DISK_RESERVE_MB)' }),
    warning: Type.Union([Type.String(), Type.Null()], { description: 'Said before uploads are refused: the quota is 80 % used, or the disk is within 1 GB of its reserve' }),
  },
  { additionalProperties: false },
);
