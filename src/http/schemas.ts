import { Type } from 'typebox';

/** Shared pieces of the API contract. */
// Handlers return Date objects; the serializer writes them as ISO 8601 strings.
export const Timestamp = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
export const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);
export const Id = Type.String({ description: 'A UUID', maxLength: 64 });
export const RoleName = Type.Union([
  Type.Literal('owner'),
  Type.Literal('admin'),
  Type.Literal('marketer'),
  Type.Literal('sales'),
  Type.Literal('viewer'),
]);

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
  { description: 'RFC 9457 problem details' },
);

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
