// A visitor id: the random name a browser keeps for itself on a site (f.js, and the tracker
// later, in localStorage['inflow_vid']), sent with each submission. Whoever holds it may ask
// which questions its person answered, so it is 128 random bits, never a counter. Pure: f.js
// bundles it.

const VISITOR_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const VISITOR_ID_PATTERN = VISITOR_ID.source;

/** Whether a text has the shape of a visitor id (a UUID in lower case). */
export function isVisitorId(text: string): boolean {
  return VISITOR_ID.test(text);
}

/**
 * A random UUID (version 4) from `crypto.getRandomValues`, which, unlike `crypto.randomUUID`,
 * browsers also give pages served over plain http.
 */
export function randomUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => (b + 0x100).toString(16).slice(1)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
