import { describe, expect, it } from 'vitest';
import { changedTags } from './tag-changes.js';

describe('changing a contact’s tags', () => {
  it('adds tags it does not have, in any case, once', () => {
    expect(changedTags(['VIP', 'webinar'], { add: ['vip', 'Fair', 'fair', 'ebook'] })).toEqual(['VIP', 'webinar', 'Fair', 'ebook']);
  });

  it('removes tags whatever their case, leaving the others in order', () => {
    expect(changedTags(['VIP', 'webinar', 'Fair'], { remove: ['vip', 'FAIR', 'absent'] })).toEqual(['webinar']);
    expect(changedTags([], { remove: ['vip'] })).toEqual([]);
  });
});
