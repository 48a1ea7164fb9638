import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../db/schema.js';
import { mergeValues } from './merge-values.js';

const base: Contact = {
  workspace_id: 'w', id: 'c', email: null, external_id: null, first_name: null, last_name: null, phone: null, job_title: null,
  company_name: null, website: null, country: null, city: null, lifecycle_stage: 'lead', lead_status: null, owner_id: null,
  company_id: null, score: 0, fit_score: 0, temperature: null, source: null, source_detail: null, origin: null, utm_source: null,
  utm_medium: null, utm_campaign: null, utm_term: null, utm_content: null, referrer: null, latest_source: null,
  latest_source_detail: null, do_not_email: false, do_not_call: false, unsubscribed_at: null, tags: [], custom: {},
  created_at: new Date('2025-01-02T00:00:00Z'), updated_at: new Date('2025-01-02T00:00:00Z'), last_activity_at: null,
};
const contact = (values: Partial<Contact>): Contact => ({ ...base, ...values });

describe('mergeValues', () => {
  it('keeps the survivor’s values, fills its gaps from the other, and says what came from where', () => {
    const survivor = contact({ email: 'a@x.io', first_name: 'Ana', custom: { plan: 'free' }, tags: ['vip'] });
    const other = contact({ email: 'b@x.io', first_name: 'Anna', last_name: 'Souza', custom: { plan: 'pro', visits: 2 }, tags: ['VIP', 'ebook'] });
    const merge = mergeValues(survivor, other, {});
    expect(merge.values).toMatchObject({ email: 'a@x.io', first_name: 'Ana', last_name: 'Souza', custom: { plan: 'free', visits: 2 }, tags: ['vip', 'ebook'] });
    expect(merge.takenFromOther).toEqual(['last_name', 'custom.visits']);
    expect(merge.discarded).toEqual({ email: 'b@x.io', first_name: 'Anna', 'custom.plan': 'pro' });
    expect(merge.errors).toEqual([]);
  });

  it('takes the stage further along the funnel, with "other" below every real stage', () => {
    const pick = (a: string, b: string) => mergeValues(contact({ lifecycle_stage: a }), contact({ lifecycle_stage: b }), {}).values.lifecycle_stage;
    expect(pick('lead', 'customer')).toBe('customer');
    expect(pick('sql', 'mql')).toBe('sql');
    expect(pick('other', 'subscriber')).toBe('subscriber');
    expect(pick('subscriber', 'other')).toBe('subscriber');
  });

  it('never loses an opt-out, and keeps the earliest creation and latest activity', () => {
    const survivor = contact({ email: 'a@x.io', do_not_call: true, created_at: new Date('2025-02-01T00:00:00Z'), last_activity_at: new Date('2025-03-01T00:00:00Z') });
    const other = contact({
      do_not_email: true, unsubscribed_at: new Date('2025-01-15T00:00:00Z'), score: 40,
      created_at: new Date('2025-01-01T00:00:00Z'), last_activity_at: new Date('2025-04-01T00:00:00Z'),
    });
    expect(mergeValues(survivor, other, {}).values).toMatchObject({
      do_not_email: true, do_not_call: true, unsubscribed_at: new Date('2025-01-15T00:00:00Z'), score: 40,
      created_at: new Date('2025-01-01T00:00:00Z'), last_activity_at: new Date('2025-04-01T00:00:00Z'),
    });
    expect(mergeValues(survivor, other, { do_not_email: 'this' }).errors).toEqual([
      { field: 'keep.do_not_email', message: 'is not a field either contact has a value to choose for' },
    ]);
  });

  it('follows the caller’s choice, even to an empty value, and refuses a merge that loses both identities', () => {
    const survivor = contact({ email: 'a@x.io', city: 'Recife' });
    const other = contact({ external_id: 'crm-1' });
    expect(mergeValues(survivor, other, { city: 'other' }).values.city).toBeNull();
    expect(mergeValues(survivor, other, { email: 'other', external_id: 'this' }).errors).toEqual([
      { field: 'keep.email', message: 'the merged contact needs an email or an external id' },
    ]);
    expect(mergeValues(survivor, other, {}).values).toMatchObject({ email: 'a@x.io', external_id: 'crm-1' });
  });
});
