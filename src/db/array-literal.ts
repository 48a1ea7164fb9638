// Bulk writes bind one array per column (`unnest($1::text[], …)`). node-postgres turns a JS
// array into PostgreSQL's array text with two regular-expression replacements per element;
// at a million rows times thirty columns that was a visible share of an import's time.

const NEEDS_ESCAPE = /[\\"]/;

/** A one-dimensional array literal: each element quoted (so none is special), null as NULL. */
export function arrayLiteral(values: ReadonlyArray<string | number | boolean | null | undefined>): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    const value = values[i];
    if (value === null || value === undefined) out += 'NULL';
    else if (typeof value === 'boolean') out += value ? 't' : 'f';
    else {
      const text = String(value);
      out += NEEDS_ESCAPE.test(text) ? `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"` : `"${text}"`;
    }
  }
  return `${out}}`;
}

/**
 * The same, or an empty array when every element is null: `unnest` of several arrays pads the
 * shorter ones with nulls, so a column nobody filled in costs nothing to send or to parse.
 */
export function columnLiteral(values: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return values.every((v) => v === null || v === undefined) ? '{}' : arrayLiteral(values);
}
