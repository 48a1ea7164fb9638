import { Type, type TSchema } from 'typebox';
import { isId } from '../db/ids.js';
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

export interface Keyset {
  /** The sort column's value of the last row of the page (an ISO time, a name, a number). */
  value: string | number;
  id: string;
}

/** An opaque cursor for keyset pages sorted by (some value, id): `[value, id]` as base64url JSON. */
export function encodeKeyset(value: string | number, id: string): string {
  return Buffer.from(JSON.stringify([value, id]), 'utf8').toString('base64url');
}

/** The keyset a cursor from encodeKeyset holds; a cursor this API did not give out is a 400. */
export function decodeKeyset(cursor: string | undefined): Keyset | null {
  if (!cursor) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const ok = Array.isArray(value) && value.length === 2 && (typeof value[0] === 'string' || typeof value[0] === 'number')
    && typeof value[1] === 'string' && isId(value[1]);
  if (!ok) throw invalid('The cursor is not one this API gave out', [{ field: 'cursor', in: 'querystring', message: 'is not valid' }]);
  return { value: (value as [string | number, string])[0], id: (value as [string | number, string])[1] };
}

/** Fetch limit + 1 rows; if the extra row came back, the last row of the page keys the next one. */
export function keysetPageOf<T>(rows: T[], limit: number, keyOf: (row: T) => Keyset): { data: T[]; next_cursor: string | null } {
  if (rows.length <= limit) return { data: rows, next_cursor: null };
  const data = rows.slice(0, limit);
  const key = keyOf(data[data.length - 1]!);
  return { data, next_cursor: encodeKeyset(key.value, key.id) };
}
