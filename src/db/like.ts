const escapeLike = (text: string) => text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);

/** A LIKE pattern for "starts with `text`", case-insensitive on a lower()ed column, with the pattern's own characters escaped. */
export function likePrefix(text: string): string {
  return `${escapeLike(text)}%`;
}

/** A LIKE pattern for "contains `text`", case-insensitive on a lower()ed column, with the pattern's own characters escaped. */
export function likeContains(text: string): string {
  return `%${escapeLike(text)}%`;
}
