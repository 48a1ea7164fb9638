import { describe, expect, it } from 'vitest';
import { cleanTags, cleanText, fieldChanges } from './fields.js';

describe('contact field cleaning', () => {
  it('trims, composes accents and treats blank as absent', () => {
    expect(cleanText('  Jose\u0301  ')).toBe('José');
    expect(cleanText('   ')).toBeNull();
    expect(cleanText(undefined)).toBeNull();
  });

  it('keeps the first spelling of tags that differ only in case', () => {
    expect(cleanTags(['Webinar', ' webinar ', '', 'VIP', 'vip', 'ebook'])).toEqual(['Webinar', 'VIP', 'ebook']);
  });
});

describe('fieldChanges', () => {
  it('lists old and new values of the fields that changed, custom fields by key', () => {
    expect(
      fieldChanges(
        { first_name: 'Ana', city: null, tags: ['a'], custom: { plan: 'free', visits: 3 } },
        { first_name: 'Ana', city: 'Recife', tags: ['a', 'b'], custom: { plan: 'pro', visits: 3, seen: true } },
      ),
    ).toEqual({
      city: [null, 'Recife'],
      tags: [['a'], ['a', 'b']],
      'custom.plan': ['free', 'pro'],
      'custom.seen': [null, true],
    });
  });

  it('reports nothing when nothing changed', () => {
    expect(fieldChanges({ email: 'a@b.co', custom: { x: 1 } }, { email: 'a@b.co', custom: { x: 1 } })).toEqual({});
  });
});
