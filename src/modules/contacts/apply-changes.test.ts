import { describe, expect, it } from 'vitest';
import { applyChanges, type ContactValues } from './apply-changes.js';

const current = applyChanges(
  null,
  { email: 'ana@acme.com', text: { first_name: 'Ana', city: 'Recife' }, custom: { plan: 'free' }, tags: ['webinar'], lifecycle_stage: 'mql' },
  { keepExisting: false, tags: 'add' },
) as ContactValues;

describe('applyChanges', () => {
  it('builds a new contact from defaults and the changes', () => {
    expect(current).toMatchObject({ email: 'ana@acme.com', first_name: 'Ana', city: 'Recife', lifecycle_stage: 'mql', tags: ['webinar'], custom: { plan: 'free' } });
    expect(current.do_not_email).toBe(false);
  });

  it('overwrites, clears and adds tags on an upsert', () => {
    const next = applyChanges(current, { text: { city: null, last_name: 'Souza' }, tags: ['Webinar', 'ebook'], custom: { plan: null, visits: 3 } }, { keepExisting: false, tags: 'add' });
    expect(next).toMatchObject({ city: null, last_name: 'Souza', tags: ['webinar', 'ebook'], custom: { visits: 3 } });
    expect(next.custom).not.toHaveProperty('plan');
  });

  it("keeps filled-in values, the stage and custom values with keepExisting, and fills the empty ones", () => {
    const next = applyChanges(
      current,
      { text: { first_name: 'Anna', last_name: 'Souza', city: null }, lifecycle_stage: 'lead', custom: { plan: 'pro', visits: 3 }, tags: ['ebook'] },
      { keepExisting: true, tags: 'add' },
    );
    expect(next).toMatchObject({ first_name: 'Ana', last_name: 'Souza', city: 'Recife', lifecycle_stage: 'mql', custom: { plan: 'free', visits: 3 }, tags: ['webinar', 'ebook'] });
  });

  it('keeps first-touch fields with keepFirstTouch, fills the empty ones, and lets last-touch and other fields change', () => {
    const touched = applyChanges(current, { text: { source: 'Webinar', utm_campaign: 'spring' }, custom: {} }, { keepExisting: false, tags: 'add' });
    const next = applyChanges(
      touched,
      { text: { source: 'Ads', utm_campaign: null, utm_medium: 'cpc', latest_source: 'Ads', city: 'Natal' }, custom: {} },
      { keepExisting: false, tags: 'add', keepFirstTouch: true },
    );
    expect(next).toMatchObject({ source: 'Webinar', utm_campaign: 'spring', utm_medium: 'cpc', latest_source: 'Ads', city: 'Natal' });
    // Without it (an edit by id), they change like any field.
    expect(applyChanges(touched, { text: { source: 'Partner' }, custom: {} }, { keepExisting: false, tags: 'set' }).source).toBe('Partner');
  });

  it("only raises an existing contact's stage with stage 'raise'; a new contact takes it", () => {
    const raise = { keepExisting: false, tags: 'add', stage: 'raise' } as const;
    expect(applyChanges(current, { text: {}, custom: {}, lifecycle_stage: 'subscriber' }, raise).lifecycle_stage).toBe('mql');
    expect(applyChanges(current, { text: {}, custom: {}, lifecycle_stage: 'sql' }, raise).lifecycle_stage).toBe('sql');
    expect(applyChanges(null, { email: 'new@acme.com', text: {}, custom: {}, lifecycle_stage: 'subscriber' }, raise).lifecycle_stage).toBe('subscriber');
    expect(applyChanges(current, { text: {}, custom: {}, lifecycle_stage: 'subscriber' }, { keepExisting: false, tags: 'add' }).lifecycle_stage).toBe('subscriber');
  });

  it('sets tags exactly on an edit', () => {
    expect(applyChanges(current, { text: {}, custom: {}, tags: ['vip'] }, { keepExisting: false, tags: 'set' }).tags).toEqual(['vip']);
  });

  it('does not change the value it was given', () => {
    const before = JSON.stringify(current);
    applyChanges(current, { text: { city: 'Natal' }, custom: { x: 1 }, tags: ['y'] }, { keepExisting: false, tags: 'add' });
    expect(JSON.stringify(current)).toBe(before);
  });
});
