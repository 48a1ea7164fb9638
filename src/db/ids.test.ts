import { describe, expect, it } from 'vitest';
import { isId, newId } from './ids.js';

describe('newId', () => {
  it('is a UUIDv7 carrying its creation time in milliseconds', () => {
    const at = Date.UTC(2026, 10, 23, 20, 30, 0, 123);
    const id = newId(at);
    expect(isId(id)).toBe(true);
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('orders by time and does not repeat across many draws of the random pool', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => newId(1_000_000 + i));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    const sameMillisecond = Array.from({ length: 5_000 }, () => newId(42));
    expect(new Set(sameMillisecond).size).toBe(sameMillisecond.length);
  });
});
