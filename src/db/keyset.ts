import { sql, type RawBuilder } from 'kysely';

/**
 * Where a page ends, for keyset paging on (sort key, id): the last row's sort key as
 * PostgreSQL prints it — never through a JavaScript Date, which would cut a timestamp to the
 * millisecond and skip or repeat the rows of one transaction — and its id. Lists sorted by
 * id alone have an empty key.
 */
export interface Keyset {
  key: string;
  id: string;
}

/** A timestamp as a sort key: its text, to the microsecond, which PostgreSQL parses back exactly. */
export function timestampKey(column: string): RawBuilder<string> {
  return sql<string>`${sql.ref(column)}::text`;
}

/**
 * Rows after the keyset in (sort expression, id) order, ascending or descending: one row
 * comparison, which an index on the two serves. `cast` is the sort key's SQL type.
 */
export function pastKeyset(sortKey: RawBuilder<unknown>, idColumn: string, keyset: Keyset, order: 'asc' | 'desc', cast: 'timestamptz' | 'text' | 'integer' | 'uuid'): RawBuilder<boolean> {
  const op = order === 'asc' ? sql.raw('>') : sql.raw('<');
  return sql<boolean>`(${sortKey}, ${sql.ref(idColumn)}) ${op} (cast(${keyset.key} as ${sql.raw(cast)}), ${keyset.id}::uuid)`;
}
