// A custom event's properties, as inflow('track', name, props) sends them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PROPERTIES, cleanProperties } from '../../embed/tracker/properties.js';

describe('cleanProperties', () => {
  it('keeps strings, finite numbers and booleans', () => {
    expect(cleanProperties({ plan: 'pro', seats: 3, price: 9.5, trial: false, empty: '' })).toEqual({ plan: 'pro', seats: 3, price: 9.5, trial: false, empty: '' });
  });

  it('leaves out nested values, null, undefined, NaN, infinities and functions', () => {
    expect(cleanProperties({ a: { b: 1 }, c: [1], d: null, e: undefined, f: NaN, g: Infinity, h: () => 1, i: 1n, ok: 'yes' })).toEqual({ ok: 'yes' });
  });

  it('gives an empty object for anything that is no object', () => {
    for (const value of [undefined, null, 'plan', 3, true]) expect(cleanProperties(value)).toEqual({});
  });

  it('keeps the first 30 keys that hold a value it takes, in order', () => {
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i % 4 === 0 ? null : i]));
    const clean = cleanProperties(many);
    expect(Object.keys(clean)).toHaveLength(MAX_PROPERTIES);
    expect(Object.keys(clean)[0]).toBe('k1');
    expect(Object.keys(clean)).not.toContain('k4');
    expect(clean.k39).toBe(39);
  });

  it('always gives a flat object of at most 30 scalar values, none of which JSON drops', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const clean = cleanProperties(value);
        expect(Object.keys(clean).length).toBeLessThanOrEqual(MAX_PROPERTIES);
        for (const item of Object.values(clean)) expect(['string', 'number', 'boolean']).toContain(typeof item);
        expect(Object.keys(JSON.parse(JSON.stringify(clean)))).toEqual(Object.keys(clean));
      }),
    );
  });
});
