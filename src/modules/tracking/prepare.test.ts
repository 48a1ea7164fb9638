import { describe, expect, it } from 'vitest';
import { deviceOf } from './enrich/index.js';
import { checkIds, correctedTime, MAX_EVENT_AGE_MS, prepareBatch, storedUrl } from './prepare.js';

const ids = { workspace_id: '0e5c7a4e-1b2c-4d3e-8f90-123456789abc', visitor_id: '1e5c7a4e-1b2c-4d3e-8f90-123456789abc', session_id: '2e5c7a4e-1b2c-4d3e-8f90-123456789abc' };
const now = Date.UTC(2026, 11, 6, 12);
const context = { now, device: deviceOf('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36'), ip: '203.0.113.0', siteHosts: ['blog.acme.example'] };

describe('preparing a batch', () => {
  it('moves the browser’s times by its clock’s difference, never into the future nor further back than a day', () => {
    expect(correctedTime(now + 60_000, now + 60_000, now).getTime()).toBe(now);
    expect(correctedTime(now + 3_600_000, undefined, now).getTime()).toBe(now);
    expect(correctedTime(now - 400 * 86_400_000, undefined, now).getTime()).toBe(now - MAX_EVENT_AGE_MS);
    expect(correctedTime(Number.NaN, undefined, now).getTime()).toBe(now);
  });

  it('stores only http(s) addresses, without the contact token of a tracked email link', () => {
    expect(storedUrl('https://acme.example/offer?inflow_ct=secret&utm_source=mail')).toEqual({ href: 'https://acme.example/offer?utm_source=mail', path: '/offer' });
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '/relative', '', null, undefined]) expect(storedUrl(bad)).toBeNull();
    expect(storedUrl(`https://acme.example/${'x'.repeat(5_000)}`)!.href).toHaveLength(2_048);
  });

  it('refuses ids that are not lower-case UUIDs, naming them', () => {
    expect(() => checkIds(ids)).not.toThrow();
    expect(() => checkIds({ ...ids, visitor_id: '1', session_id: ids.session_id.toUpperCase() })).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'visitor_id' }), expect.objectContaining({ field: 'session_id' })] }));
  });

  it('takes the visit’s landing page, referrer and channel from its first page view, and sums what it did', () => {
    const prepared = prepareBatch(
      {
        ...ids,
        sent_at: now,
        events: [
          { type: 'engagement', at: now - 5_000, url: 'https://acme.example/before', duration_ms: 4_000 },
          { type: 'page_view', at: now - 3_000, url: 'https://acme.example/?utm_source=newsletter&utm_medium=email&utm_campaign=launch', title: 'Home', referrer: null },
          { type: 'custom', at: now - 1_000, url: 'https://acme.example/', name: 'signup', properties: { plan: 'pro', big: Number.POSITIVE_INFINITY } },
          { type: 'page_view', at: now, url: 'https://acme.example/pricing', referrer: 'https://acme.example/' },
        ],
      },
      context,
    );
    expect(prepared.session).toMatchObject({
      landingUrl: 'https://acme.example/?utm_source=newsletter&utm_medium=email&utm_campaign=launch',
      exitUrl: 'https://acme.example/pricing',
      channel: 'email',
      campaign: 'launch',
      pageViews: 2,
      events: 4,
      engagedMs: 4_000,
      device: 'desktop',
      ip: '203.0.113.0',
    });
    expect(prepared.events.map((e) => e.type)).toEqual(['engagement', 'page_view', 'custom', 'page_view']);
    expect(prepared.events[2]!.properties).toEqual({ plan: 'pro' });
  });

  it('counts a visit referred by another of the site’s own hosts as direct', () => {
    const prepared = prepareBatch({ ...ids, events: [{ type: 'page_view', at: now, url: 'https://shop.acme.example/', referrer: 'https://blog.acme.example/post' }] }, context);
    expect(prepared.session.channel).toBe('direct');
  });
});
