/** A LIKE pattern for "starts with `text`", case-insensitive on a lower()ed column, with the pattern's own characters escaped. */
export function likePrefix(text: string): string {
  return `${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
