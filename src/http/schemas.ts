import { Type } from 'typebox';
import { PERMISSIONS, ROLES } from '../access.js';
import { StringEnum } from '../schema-types.js';

/** Shared pieces of the API contract. */
// Handlers return Date objects; the serializer writes them as ISO 8601 strings.
export const Timestamp = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
export const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);
export const Id = Type.String({ description: 'A UUID', maxLength: 64 });
// One enum (not a union of literals) so a wrong value gets one clear error and the spec one list.
export const RoleName = StringEnum(ROLES);
export const PermissionName = StringEnum(PERMISSIONS);

export const PROBLEM_SCHEMA_ID = 'Problem';

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    instance: Type.Optional(Type.String()),
    request_id: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), in: Type.Optional(Type.String()), message: Type.String() })),
    ),
  },
  { $id: PROBLEM_SCHEMA_ID, description: 'RFC 9457 problem details' },
);

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });

export const WorkspaceHeader = Type.Object({
  'x-inflow-workspace': Type.Optional(
    Type.String({
      maxLength: 200,
      description:
        'Slug or id of the workspace to act in, for dashboard sessions (default: your first). ' +
        'An API key always acts in its own workspace.',
    }),
  ),
});
