import { Type, type TSchema } from 'typebox';
import { isId } from '../db/ids.js';
import type { Keyset } from '../db/keyset.js';
import { invalid } from '../errors.js';

export const PageQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 500, description: 'next_cursor of the previous page' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ data: Type.Array(item), next_cursor: Type.Union([Type.String(), Type.Null()]) });

export type { Keyset };

const uuidKeyset = (keyset: Keyset) => isId(keyset.id);

const badCursor = () => invalid('The cursor is not one this API gave out', [{ field: 'cursor', in: 'querystring', message: 'is not valid' }]);

/** An opaque cursor: the keyset as base64url JSON. */
export function encodeCursor(keyset: Keyset): string {
  return Buffer.from(JSON.stringify([keyset.key, keyset.id]), 'utf8').toString('base64url');
}

/** The keyset a cursor holds; one this API did not give out (or of another list's shape) is a 400. */
export function decodeCursor(cursor: string | undefined, accepts: (keyset: Keyset) => boolean = uuidKeyset): Keyset | null {
  if (!cursor) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || typeof value[1] !== 'string') throw badCursor();
  const keyset = { key: value[0], id: value[1] };
  if (!accepts(keyset)) throw badCursor();
  return keyset;
}

/** Given limit + 1 rows: the page, and the cursor of the next one if the extra row came back. */
export function pageOf<T>(rows: readonly T[], limit: number, keyOf: (row: T) => Keyset): { data: T[]; next_cursor: string | null } {
  if (rows.length <= limit) return { data: [...rows], next_cursor: null };
  const data = rows.slice(0, limit);
  return { data, next_cursor: encodeCursor(keyOf(data[data.length - 1]!)) };
}
