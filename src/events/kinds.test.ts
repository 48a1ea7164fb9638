import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_KINDS, EVENT_PAYLOADS } from './kinds.js';

const docs = fs.readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8');

/** The rows of the "Event types" table in docs/architecture.md: kind → payload fields named. */
function documentedEvents(): Map<string, string[]> {
  const start = docs.indexOf('### Event types');
  const section = docs.slice(start, docs.indexOf('\n## ', start));
  const rows = [...section.matchAll(/^\| `([a-z_.]+)` \| ([^|]*) \|/gm)];
  return new Map(rows.map((row) => [row[1]!, [...row[2]!.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!)]));
}

describe('the documented event types', () => {
  it('are exactly the kinds of the union', () => {
    expect([...documentedEvents().keys()].sort()).toEqual([...EVENT_KINDS].sort());
  });

  it('name each payload field of their kind, and no other', () => {
    const documented = documentedEvents();
    for (const kind of EVENT_KINDS) {
      const fields = Object.keys((EVENT_PAYLOADS[kind] as { properties: Record<string, unknown> }).properties).sort();
      expect({ kind, fields: (documented.get(kind) ?? []).sort() }).toEqual({ kind, fields });
    }
  });
});
