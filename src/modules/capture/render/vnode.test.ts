import { describe, expect, it } from 'vitest';
import { h } from './vnode.js';

describe('h', () => {
  it('builds a node, dropping false and empty attributes and children', () => {
    expect(h('label', { for: 'x', hidden: false, required: true, title: undefined, rows: 4 }, 'Email', null, false, [h('span')])).toEqual({
      tag: 'label', attrs: { for: 'x', required: true, rows: 4 }, children: ['Email', { tag: 'span', attrs: {}, children: [] }],
    });
  });

  it('refuses style, event handlers and names that are not names', () => {
    expect(() => h('div', { style: 'color:red' })).toThrow(/style/);
    expect(() => h('div', { onclick: 'x()' })).toThrow(/onclick/);
    expect(() => h('div', { 'a"b': 'x' })).toThrow();
    expect(() => h('<script>')).toThrow();
  });
});
