/**
 * A count with its noun: "1 contact", "1,204 contacts". The one plural helper, used by the
 * server's messages and the dashboard alike (it imports this file). `many` is for nouns that do
 * not take an s ("companies"), and for phrases ("fields are").
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
