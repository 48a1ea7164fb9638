import { describe, expect, it } from 'vitest';
import { definitionOf, draftOf, historyOf, placeProblems, problemAt, record, redo, undo, valueAt, without, withValueAt } from '../../web/src/pages/landing-pages/editor/page-draft';
import type { PageDefinition } from '../../web/src/api/pages';

const def: PageDefinition = {
  seo: { title: 'T', description: '', noindex: false },
  theme: {},
  blocks: [
    { type: 'hero', headline: 'Hi', button: { label: 'Go', url: '#form' } },
    { type: 'columns', columns: [[{ type: 'image', image: { url: '/a.png', alt: '' } }], [{ type: 'spacer', size: 'small' }]] },
  ],
};

describe('the page editor’s working copy', () => {
  it('gives every block a stable id and gives back the same definition', () => {
    const draft = draftOf(def);
    expect(new Set(draft.blocks.map((b) => b.uid)).size).toBe(2);
    expect(definitionOf(draft)).toEqual(def);
  });

  it('reads and writes by dotted path without touching the original, and drops optional keys set to undefined', () => {
    const hero = def.blocks[0]!;
    expect(valueAt(hero, 'button.url')).toBe('#form');
    expect(valueAt(def.blocks[1], 'columns.0.0.image.url')).toBe('/a.png');
    const changed = withValueAt(hero, 'button.url', '/next');
    expect(valueAt(changed, 'button.url')).toBe('/next');
    expect(valueAt(hero, 'button.url')).toBe('#form');
    expect('button' in withValueAt(hero, 'button', undefined)).toBe(false);
    const inColumn = withValueAt(def.blocks[1], 'columns.0.0.image.alt', 'A cover');
    expect(valueAt(inColumn, 'columns.0.0.image.alt')).toBe('A cover');
    expect(Array.isArray(valueAt(inColumn, 'columns.0'))).toBe(true);
  });

  it('undoes and redoes whole steps; typing in one field within a second is one step', () => {
    const start = draftOf(def);
    const typed = (text: string) => ({ ...start, seo: { ...start.seo, title: text } });
    let h = historyOf(start);
    h = record(h, typed('A'), 'page:seo.title', 1_000);
    h = record(h, typed('Ab'), 'page:seo.title', 1_500);
    h = record(h, typed('Abc'), 'page:seo.title', 3_000);
    expect(h.past).toHaveLength(2);
    const moved = { ...h.present, blocks: [...h.present.blocks].reverse() };
    h = record(h, moved, null, 3_100);
    h = undo(h);
    expect(h.present.seo.title).toBe('Abc');
    expect(h.present.blocks[0]!.block.type).toBe('hero');
    h = redo(h);
    expect(h.present.blocks[0]!.block.type).toBe('columns');
    h = undo(undo(undo(h)));
    expect(h.present).toBe(start);
    expect(undo(h)).toBe(h);
    // A new change after undoing drops what could be redone.
    expect(record(h, typed('x'), null, 9_000).future).toEqual([]);
  });

  it('places the server’s problems on the block (by id, also inside columns), the page settings, or the page as a whole', () => {
    const draft = draftOf(def);
    const placed = placeProblems([
      { field: 'draft.blocks.0.button.url', message: 'must be an http(s) link' },
      { field: 'draft.blocks.1.columns.0.0.image.alt', message: 'is required to publish' },
      { field: 'draft.theme.colors.primary', message: 'has a contrast of 2.1:1' },
      { field: 'slug', message: 'is taken on this host' },
      { field: 'draft.blocks', message: 'needs at least one block' },
      { field: 'draft.blocks.0', message: 'must match a schema in anyOf' },
    ], draft);
    expect(placed.blocks[draft.blocks[0]!.uid]).toEqual({ 'button.url': 'must be an http(s) link' });
    expect(problemAt(placed.blocks[draft.blocks[1]!.uid], 'columns.0.0.image')).toBe('is required to publish');
    expect(placed.page).toEqual({ 'theme.colors.primary': 'has a contrast of 2.1:1', slug: 'is taken on this host' });
    expect(placed.general).toEqual(['The page needs at least one block']);
    expect(without({ 'button.url': 'x', headline: 'y' }, 'button')).toEqual({ headline: 'y' });
    expect(without({ 'button.url': 'x' }, 'button.url.more')).toEqual({});
  });
});
