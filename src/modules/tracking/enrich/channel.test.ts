import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS, classify, type Channel } from './channel.js';
import { utmOf } from './utm.js';

const SITE = 'https://acme.com/';

/** A session as the tracker reports it: the landing URL's tags read by utmOf, as the service will. */
function session(query: string, referrer: string | null, siteHost?: string | null) {
  const landingUrl = `${SITE}${query}`;
  return classify({ utm: utmOf(landingUrl), referrer, landingUrl, siteHost });
}

type Case = [query: string, referrer: string | null, channel: Channel, source: string | null, medium: string | null];

const cases: Record<string, Case[]> = {
  direct: [
    ['', null, 'direct', null, null],
    ['', '', 'direct', null, null],
    ['pricing', 'https://acme.com/blog/post', 'direct', null, null],
    ['', 'https://www.acme.com/', 'direct', null, null],
    ['', 'https://ACME.com./features', 'direct', null, null],
    ['', 'javascript:alert(1)', 'direct', null, null],
    ['', 'data:text/html,<script>alert(1)</script>', 'direct', null, null],
    ['', '<script>alert(1)</script>', 'direct', null, null],
    ['', 'about:blank', 'direct', null, null],
    ['', 'file:///C:/Users/me/Desktop/offer.pdf', 'direct', null, null],
    ['', 'https://%00/', 'direct', null, null],
    ['', 'not a url at all', 'direct', null, null],
    ['?ref=nothing-we-know', null, 'direct', null, null],
  ],
  organic_search: [
    ['', 'https://www.google.com/', 'organic_search', 'google', 'organic'],
    ['', 'https://www.google.co.uk/', 'organic_search', 'google', 'organic'],
    ['', 'https://www.google.com.br/', 'organic_search', 'google', 'organic'],
    ['', 'https://google.de/search?q=inflow', 'organic_search', 'google', 'organic'],
    ['', 'https://www.bing.com/search?q=inflow+crm', 'organic_search', 'bing', 'organic'],
    ['', 'https://cn.bing.com/', 'organic_search', 'bing', 'organic'],
    ['', 'https://duckduckgo.com/', 'organic_search', 'duckduckgo', 'organic'],
    ['', 'https://yandex.ru/search/?text=inflow', 'organic_search', 'yandex', 'organic'],
    ['', 'https://yandex.com.tr/', 'organic_search', 'yandex', 'organic'],
    ['', 'https://ya.ru/', 'organic_search', 'yandex', 'organic'],
    ['', 'https://www.baidu.com/link?url=abc', 'organic_search', 'baidu', 'organic'],
    ['', 'https://www.ecosia.org/search?q=inflow', 'organic_search', 'ecosia', 'organic'],
    ['', 'https://search.yahoo.com/', 'organic_search', 'yahoo', 'organic'],
    ['', 'https://uk.search.yahoo.com/', 'organic_search', 'yahoo', 'organic'],
    ['', 'https://search.yahoo.co.jp/', 'organic_search', 'yahoo', 'organic'],
    ['', 'https://search.naver.com/search.naver?query=x', 'organic_search', 'naver', 'organic'],
    ['', 'https://search.seznam.cz/', 'organic_search', 'seznam', 'organic'],
    ['', 'https://www.qwant.com/?q=inflow', 'organic_search', 'qwant', 'organic'],
    ['', 'https://www.startpage.com/', 'organic_search', 'startpage', 'organic'],
    ['', 'https://search.brave.com/search?q=inflow', 'organic_search', 'brave', 'organic'],
    ['', 'android-app://com.google.android.googlequicksearchbox/', 'organic_search', 'google', 'organic'],
    ['?utm_source=google', null, 'organic_search', 'google', 'organic'],
    ['?utm_source=bing&utm_medium=organic', null, 'organic_search', 'bing', 'organic'],
    ['?utm_source=seo-guide&utm_medium=organic', null, 'organic_search', 'seo-guide', 'organic'],
  ],
  paid_search: [
    ['?utm_source=google&utm_medium=cpc', null, 'paid_search', 'google', 'cpc'],
    ['?utm_source=Google&utm_medium=CPC&utm_campaign=Brand', 'https://www.google.com/', 'paid_search', 'google', 'cpc'],
    ['?gclid=Cj0KCQjw', null, 'paid_search', 'google', 'cpc'],
    ['?gclid=Cj0KCQjw', 'https://www.google.com/', 'paid_search', 'google', 'cpc'],
    ['?gbraid=0AAAAA', null, 'paid_search', 'google', 'cpc'],
    ['?wbraid=ClkKCQ', null, 'paid_search', 'google', 'cpc'],
    ['?msclkid=5c1f2a', 'https://www.bing.com/', 'paid_search', 'bing', 'cpc'],
    ['?yclid=123456', null, 'paid_search', 'yandex', 'cpc'],
    ['?utm_source=bing&utm_medium=ppc', null, 'paid_search', 'bing', 'ppc'],
    ['?utm_source=google&utm_medium=paidsearch', null, 'paid_search', 'google', 'paidsearch'],
    ['?utm_source=google&utm_medium=retargeting', null, 'paid_search', 'google', 'retargeting'],
    ['?utm_source=capterra&utm_medium=paid_search', null, 'paid_search', 'capterra', 'paid_search'],
    ['?utm_source=adwords&utm_medium=cpc', null, 'paid_search', 'adwords', 'cpc'],
    ['?utm_medium=cpc', 'https://www.google.com/', 'paid_search', 'google', 'cpc'],
    ['?utm_campaign=brand&gclid=abc', null, 'paid_search', 'google', 'cpc'],
    ['?utm_source=google&gclid=abc', null, 'paid_search', 'google', 'cpc'],
    ['?gclid=abc&fbclid=def', 'https://l.facebook.com/', 'paid_search', 'google', 'cpc'],
  ],
  organic_social: [
    ['', 'https://l.facebook.com/l.php?u=https%3A%2F%2Facme.com%2F', 'organic_social', 'facebook', 'social'],
    ['', 'https://m.facebook.com/', 'organic_social', 'facebook', 'social'],
    ['', 'https://lm.facebook.com/', 'organic_social', 'facebook', 'social'],
    ['', 'https://l.instagram.com/?u=https%3A%2F%2Facme.com', 'organic_social', 'instagram', 'social'],
    ['', 'https://t.co/abc123', 'organic_social', 'twitter', 'social'],
    ['', 'https://x.com/someone/status/1', 'organic_social', 'twitter', 'social'],
    ['', 'https://www.linkedin.com/feed/', 'organic_social', 'linkedin', 'social'],
    ['', 'https://lnkd.in/dXyZ', 'organic_social', 'linkedin', 'social'],
    ['', 'https://www.youtube.com/watch?v=x', 'organic_social', 'youtube', 'social'],
    ['', 'https://www.reddit.com/r/marketing/', 'organic_social', 'reddit', 'social'],
    ['', 'https://out.reddit.com/t3_abc', 'organic_social', 'reddit', 'social'],
    ['', 'https://www.pinterest.co.uk/', 'organic_social', 'pinterest', 'social'],
    ['', 'https://br.pinterest.com/pin/1/', 'organic_social', 'pinterest', 'social'],
    ['', 'https://www.tiktok.com/', 'organic_social', 'tiktok', 'social'],
    ['', 'https://web.whatsapp.com/', 'organic_social', 'whatsapp', 'social'],
    ['', 'https://t.me/inflow', 'organic_social', 'telegram', 'social'],
    ['', 'https://www.threads.net/@inflow', 'organic_social', 'threads', 'social'],
    ['', 'https://bsky.app/profile/inflow', 'organic_social', 'bluesky', 'social'],
    ['', 'https://mastodon.social/@inflow', 'organic_social', 'mastodon', 'social'],
    ['', 'https://vk.com/', 'organic_social', 'vk', 'social'],
    ['', 'https://www.quora.com/What-is-inbound', 'organic_social', 'quora', 'social'],
    ['', 'android-app://com.linkedin.android/', 'organic_social', 'linkedin', 'social'],
    ['?fbclid=IwAR2xyz', 'https://l.facebook.com/', 'organic_social', 'facebook', 'social'],
    ['?fbclid=IwAR2xyz', null, 'organic_social', 'facebook', 'social'],
    ['?utm_source=facebook&utm_medium=social', null, 'organic_social', 'facebook', 'social'],
    ['?utm_source=fb', null, 'organic_social', 'fb', 'social'],
    ['?utm_source=linkedin&utm_medium=organic', null, 'organic_social', 'linkedin', 'organic'],
    ['?utm_source=community&utm_medium=social-media', null, 'organic_social', 'community', 'social-media'],
    ['?utm_source=twitter.com', null, 'organic_social', 'twitter.com', 'social'],
  ],
  paid_social: [
    ['?utm_source=facebook&utm_medium=paid_social', null, 'paid_social', 'facebook', 'paid_social'],
    ['?utm_source=facebook&utm_medium=cpc', 'https://m.facebook.com/', 'paid_social', 'facebook', 'cpc'],
    ['?utm_source=ig&utm_medium=paid', null, 'paid_social', 'ig', 'paid'],
    ['?utm_source=facebook&utm_medium=cpm', null, 'paid_social', 'facebook', 'cpm'],
    ['?utm_source=meta&utm_medium=paidsocial', null, 'paid_social', 'meta', 'paidsocial'],
    ['?utm_source=google&utm_medium=paid-social', null, 'paid_social', 'google', 'paid-social'],
    ['?utm_source=linkedin&utm_medium=cpc&li_fat_id=abc', null, 'paid_social', 'linkedin', 'cpc'],
    ['?li_fat_id=4f1c', null, 'paid_social', 'linkedin', 'cpc'],
    ['?ttclid=E.C.P.x', null, 'paid_social', 'tiktok', 'cpc'],
    ['?twclid=2-abc', 'https://t.co/x', 'paid_social', 'twitter', 'cpc'],
    ['?fbclid=IwAR2xyz&utm_medium=paid', null, 'paid_social', 'facebook', 'paid'],
    ['?utm_medium=cpc', 'https://www.linkedin.com/', 'paid_social', 'linkedin', 'cpc'],
  ],
  email: [
    ['?utm_source=newsletter&utm_medium=email&utm_campaign=june', null, 'email', 'newsletter', 'email'],
    ['?utm_source=mailchimp&utm_medium=newsletter', null, 'email', 'mailchimp', 'newsletter'],
    ['?utm_medium=e-mail', null, 'email', null, 'e-mail'],
    ['?utm_medium=e+mail', null, 'email', null, 'e mail'],
    ['?utm_source=email', null, 'email', 'email', 'email'],
    ['?utm_source=linkedin&utm_medium=email', null, 'email', 'linkedin', 'email'],
    ['?utm_source=gmail', null, 'email', 'gmail', 'email'],
    ['', 'https://mail.google.com/', 'email', 'gmail', 'email'],
    ['', 'https://outlook.live.com/', 'email', 'outlook', 'email'],
    ['', 'https://outlook.office.com/mail/', 'email', 'outlook', 'email'],
    ['', 'https://mail.yahoo.com/d/folders/1', 'email', 'yahoo-mail', 'email'],
    ['', 'android-app://com.google.android.gm/', 'email', 'gmail', 'email'],
  ],
  display: [
    ['?utm_source=criteo&utm_medium=display', null, 'display', 'criteo', 'display'],
    ['?utm_source=adroll&utm_medium=banner', null, 'display', 'adroll', 'banner'],
    ['?utm_source=dv360&utm_medium=cpm', null, 'display', 'dv360', 'cpm'],
    ['?utm_source=facebook&utm_medium=display', null, 'display', 'facebook', 'display'],
    ['?utm_medium=interstitial', null, 'display', null, 'interstitial'],
    ['?dclid=CJ7', null, 'display', 'google', 'cpm'],
  ],
  affiliate: [
    ['?utm_source=awin&utm_medium=affiliate', null, 'affiliate', 'awin', 'affiliate'],
    ['?utm_source=acme-partner&utm_medium=partner', null, 'affiliate', 'acme-partner', 'partner'],
    ['?utm_medium=affiliates', 'https://coupons.example/', 'affiliate', 'coupons.example', 'affiliates'],
  ],
  referral: [
    ['', 'https://news.ycombinator.com/item?id=1', 'referral', 'news.ycombinator.com', 'referral'],
    ['', 'https://www.producthunt.com/posts/inflow', 'referral', 'producthunt.com', 'referral'],
    ['', 'https://docs.google.com/document/d/abc', 'referral', 'docs.google.com', 'referral'],
    ['', 'https://news.google.com/', 'referral', 'news.google.com', 'referral'],
    ['', 'https://www.google.com.evil.io/', 'referral', 'google.com.evil.io', 'referral'],
    ['', 'https://acme.com.evil.io/', 'referral', 'acme.com.evil.io', 'referral'],
    ['', 'https://blog.acme.com/', 'referral', 'blog.acme.com', 'referral'],
    ['', 'http://192.168.1.10:8080/', 'referral', '192.168.1.10', 'referral'],
    ['', 'https://chatgpt.com/', 'referral', 'chatgpt', 'referral'],
    ['', 'https://www.perplexity.ai/search?q=inflow', 'referral', 'perplexity', 'referral'],
    ['', 'https://gemini.google.com/app', 'referral', 'gemini', 'referral'],
    ['', 'https://copilot.microsoft.com/', 'referral', 'copilot', 'referral'],
    ['', 'https://claude.ai/chat/abc', 'referral', 'claude', 'referral'],
    ['', 'android-app://com.slack/', 'referral', 'com.slack', 'referral'],
    ['?utm_source=chatgpt.com', null, 'referral', 'chatgpt.com', 'referral'],
    ['?utm_source=perplexity', null, 'referral', 'perplexity', 'referral'],
    ['?utm_source=partner-blog&utm_medium=referral', null, 'referral', 'partner-blog', 'referral'],
    ['?utm_campaign=launch', 'https://news.ycombinator.com/', 'referral', 'news.ycombinator.com', 'referral'],
  ],
  other: [
    ['?utm_campaign=spring-sale', null, 'other', null, null],
    ['?utm_source=foo&utm_medium=bar', null, 'other', 'foo', 'bar'],
    ['?utm_source=podcast', null, 'other', 'podcast', null],
    ['?utm_source=twilio&utm_medium=sms', null, 'other', 'twilio', 'sms'],
    ['?utm_source=criteo&utm_medium=retargeting', null, 'other', 'criteo', 'retargeting'],
    ['?utm_source=qr-code&utm_medium=print', 'https://news.ycombinator.com/', 'other', 'qr-code', 'print'],
  ],
};

describe('classify', () => {
  for (const [group, rows] of Object.entries(cases)) {
    it.each(rows)(`${group}: %s from %s → %s (%s / %s)`, (query, referrer, channel, source, medium) => {
      expect(session(query, referrer)).toEqual({ channel, source, medium });
    });
  }

  it('covers every channel with real-world cases', () => {
    const all = Object.values(cases).flat();
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(new Set(all.map(([, , channel]) => channel))).toEqual(new Set(CHANNELS));
  });

  it('counts a referrer from the site host given, or the landing page host, as no referrer', () => {
    expect(session('', 'https://app.acme.io/settings', 'app.acme.io').channel).toBe('direct');
    expect(session('', 'https://app.acme.io/settings', 'https://app.acme.io').channel).toBe('direct');
    expect(session('', 'http://localhost:3000/', 'localhost:3000').channel).toBe('direct');
    expect(session('', 'https://acme.com/', 'app.acme.io').channel).toBe('direct');
    expect(session('', 'https://app.acme.io/', null)).toEqual({ channel: 'referral', source: 'app.acme.io', medium: 'referral' });
  });

  it('takes the tags it is given, and the click ids from the landing URL', () => {
    const utm = { source: ' Newsletter ', medium: 'EMAIL', campaign: null, term: null, content: null };
    expect(classify({ utm, referrer: 'https://www.google.com/', landingUrl: null })).toEqual({ channel: 'email', source: 'newsletter', medium: 'email' });
    const none = { source: null, medium: null, campaign: null, term: null, content: null };
    expect(classify({ utm: none, referrer: null, landingUrl: 'https://acme.com/?gclid=x' }).channel).toBe('paid_search');
    expect(classify({ utm: none, referrer: null, landingUrl: null })).toEqual({ channel: 'direct', source: null, medium: null });
  });

  it('cleans hostile tags: control characters, NUL, huge values', () => {
    expect(session('?utm_source=%00google%00', null)).toEqual({ channel: 'organic_search', source: 'google', medium: 'organic' });
    const huge = session(`?utm_source=${'x'.repeat(100_000)}`, null);
    expect(huge.channel).toBe('other');
    expect(huge.source).toBe('x'.repeat(200));
    const host = session('', `https://${'a'.repeat(100_000)}.com/`);
    expect(host.channel).toBe('referral');
    expect(host.source?.length).toBe(200);
  });

  it('reads no tags from a landing URL that is not http(s)', () => {
    const landingUrl = 'javascript:alert(1)//?utm_source=google&utm_medium=cpc&gclid=x';
    expect(classify({ utm: utmOf(landingUrl), referrer: null, landingUrl })).toEqual({ channel: 'direct', source: null, medium: null });
  });

  it('never throws, whatever it is given', () => {
    const text = fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true }), fc.constantFrom('javascript:', 'android-app://', 'https://', '%', ''));
    const value = fc.oneof(text, fc.constant(null), fc.anything());
    fc.assert(
      fc.property(
        fc.record({ source: value, medium: value, campaign: value, term: value, content: value }),
        value, value, value,
        (utm, referrer, landingUrl, siteHost) => {
          // Deliberately ill-typed: the tracker's payload reaches here from the open internet.
          const result = classify({ utm, referrer, landingUrl, siteHost } as never);
          expect(CHANNELS).toContain(result.channel);
          for (const field of [result.source, result.medium]) {
            if (field !== null) {
              expect(typeof field).toBe('string');
              expect([...field].length).toBeLessThanOrEqual(200);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
    expect(classify(null as never).channel).toBe('direct');
    expect(classify({} as never).channel).toBe('direct');
  });
});
