// f.js's visitor id in the site's localStorage: kept, made only when asked, and never a reason
// for the form to fail where storage is refused.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { visitorId } from '../../embed/forms/visitor.js';
import { isVisitorId } from '../../src/modules/capture/visitor-id.js';

function storage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { items, getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

afterEach(() => vi.unstubAllGlobals());

describe('visitorId', () => {
  it('keeps the id it finds, and makes one only when asked', () => {
    const kept = storage({ inflow_vid: '0f8fad5b-d9cb-469f-a165-70867728950e' });
    vi.stubGlobal('localStorage', kept);
    expect(visitorId(false)).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
    expect(visitorId(true)).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
    const empty = storage();
    vi.stubGlobal('localStorage', empty);
    expect(visitorId(false)).toBeNull();
    expect(empty.items.size).toBe(0);
    const made = visitorId(true)!;
    expect(isVisitorId(made)).toBe(true);
    expect(empty.items.get('inflow_vid')).toBe(made);
    expect(visitorId(false)).toBe(made);
  });

  it('replaces a value of another shape, and gives none where storage is refused', () => {
    const odd = storage({ inflow_vid: 'user-42' });
    vi.stubGlobal('localStorage', odd);
    expect(visitorId(false)).toBeNull();
    expect(isVisitorId(visitorId(true)!)).toBe(true);
    vi.stubGlobal('localStorage', { getItem: () => { throw new DOMException('denied', 'SecurityError'); }, setItem: () => undefined });
    expect(visitorId(true)).toBeNull();
    vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } });
    expect(visitorId(true)).toBeNull();
  });
});
