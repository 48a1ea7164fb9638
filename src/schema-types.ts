import { Type, type TUnsafe } from 'typebox';

/**
 * A string that is one of `values`, as one JSON-schema enum rather than a union of literals:
 * a wrong value gets one clear error, and the OpenAPI spec (and the dashboard's generated
 * types) one list.
 */
export function StringEnum<const T extends readonly string[]>(values: T, options: { description?: string; default?: T[number] } = {}): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}
