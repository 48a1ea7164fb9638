import { Type, type TSchema } from 'typebox';
import { invalid } from '../errors.js';

export const PageQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 200, description: 'next_cursor of the previous page' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ data: Type.Array(item), next_cursor: Type.Union([Type.String(), Type.Null()]) });

/**
 * Cursors are opaque to clients: the last key of the page, base64url-encoded. `isKey` checks
 * the decoded key has the shape the list's keys have, so a forged cursor is a clear 400.
 */
export function decodeCursor(cursor: string | undefined, isKey: (key: string) => boolean): string | null {
  if (!cursor) return null;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!key || Buffer.from(key, 'utf8').toString('base64url') !== cursor || !isKey(key)) {
    throw invalid('The cursor is not one this API gave out', [{ field: 'cursor', in: 'querystring', message: 'is not valid' }]);
  }
  return key;
}

/** Fetch limit + 1 rows; if the extra row came back there is a next page. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => string): { data: T[]; next_cursor: string | null } {
  if (rows.length <= limit) return { data: rows, next_cursor: null };
  const data = rows.slice(0, limit);
  return { data, next_cursor: Buffer.from(keyOf(data[data.length - 1]!), 'utf8').toString('base64url') };
}
