import type { Properties } from './wire.js';

export const MAX_PROPERTIES = 30;

/**
 * A custom event's properties as the wire takes them: a flat object of strings, finite numbers
 * and booleans, at most 30 keys in their order; anything else (nested objects, arrays, null,
 * NaN, functions) is left out rather than refusing the event.
 */
export function cleanProperties(value: unknown): Properties {
  const clean: Properties = {};
  if (!value || typeof value !== 'object') return clean;
  let count = 0;
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (typeof item === 'string' || typeof item === 'boolean' || (typeof item === 'number' && isFinite(item))) {
      clean[key] = item;
      if (++count === MAX_PROPERTIES) break;
    }
  }
  return clean;
}
