import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanUrl, cleanValue, utmOf } from './utm.js';

const EMPTY = { source: null, medium: null, campaign: null, term: null, content: null, clickIds: [] };

describe('utmOf', () => {
  it('reads the five tags, trimmed, percent- and plus-decoded', () => {
    expect(utmOf('https://acme.com/p?utm_source=%20google%20&utm_medium=cpc&utm_campaign=Black+Friday&utm_term=crm%20tool&utm_content=ad-1')).toEqual({
      source: 'google', medium: 'cpc', campaign: 'Black Friday', term: 'crm tool', content: 'ad-1', clickIds: [],
    });
  });

  it('matches parameter names in any case, and the first non-empty value of a repeated tag wins', () => {
    expect(utmOf('https://acme.com/?UTM_Source=Google&utm_source=bing').source).toBe('Google');
    expect(utmOf('https://acme.com/?utm_source=&utm_source=bing').source).toBe('bing');
    expect(utmOf('https://acme.com/?utm_source=%20%20&utm_medium').source).toBeNull();
  });

  it('reads relative URLs too', () => {
    expect(utmOf('/pricing?utm_source=x').source).toBe('x');
    expect(utmOf('?utm_medium=email').medium).toBe('email');
  });

  it('names the click ids present, in order of precedence, once each, ignoring empty ones', () => {
    expect(utmOf('https://acme.com/?fbclid=a&GCLID=b&msclkid=c&gclid=d&ttclid=').clickIds).toEqual(['gclid', 'msclkid', 'fbclid']);
    expect(utmOf('https://acme.com/?li_fat_id=1&twclid=2&dclid=3&wbraid=4&gbraid=5').clickIds).toEqual(['gbraid', 'wbraid', 'dclid', 'li_fat_id', 'twclid']);
  });

  it('removes control characters and cuts values to 200 characters', () => {
    expect(utmOf('https://acme.com/?utm_source=goo%00gle%0A&utm_medium=e%0D%0Amail').source).toBe('goo gle');
    expect(utmOf(`https://acme.com/?utm_campaign=${'é'.repeat(300)}`).campaign).toBe('é'.repeat(200));
    // A character outside the BMP is never cut in half.
    expect([...utmOf(`https://acme.com/?utm_term=${'😀'.repeat(300)}`).term!]).toHaveLength(200);
  });

  it.each([null, '', '   ', 'not a url', 'javascript:alert(1)?utm_source=x', 'data:text/html,?utm_source=x', 'ftp://acme.com/?utm_source=x', 'http://'])(
    'gives all nulls for %j',
    (url) => {
      expect(utmOf(url)).toEqual(EMPTY);
    },
  );

  it('reads broken percent escapes as replacement characters', () => {
    expect(utmOf('%%%?utm_source=go%E0%A4%Aogle%').source).toBe('go\uFFFD%Aogle%');
  });

  it('never throws and always returns clean values', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.anything()), (url) => {
        const result = utmOf(url as string);
        for (const value of [result.source, result.medium, result.campaign, result.term, result.content]) {
          if (value === null) continue;
          expect([...value].length).toBeLessThanOrEqual(200);
          expect(value).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
          expect(value).toBe(value.trim());
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('cleanValue', () => {
  it('is null for empty and non-string values', () => {
    expect(cleanValue('')).toBeNull();
    expect(cleanValue(' \t\n')).toBeNull();
    expect(cleanValue(42)).toBeNull();
    expect(cleanValue(undefined)).toBeNull();
  });

  it('composes characters (NFC), so one spelling is stored for one word', () => {
    expect(cleanValue('promoc\u0327a\u0303o')).toBe('promoção');
  });
});

describe('cleanUrl', () => {
  it('keeps http(s) URLs, cut to the length asked for', () => {
    expect(cleanUrl('https://acme.com/pricing?plan=pro#faq', 2000)).toBe('https://acme.com/pricing?plan=pro#faq');
    expect(cleanUrl('  http://ACME.com/a b ', 2000)).toBe('http://acme.com/a%20b');
    expect(cleanUrl('https://acme.com/pricing', 16)).toBe('https://acme.com');
  });

  it('drops the user name and password a URL carries', () => {
    expect(cleanUrl('https://admin:hunter2@acme.com/', 2000)).toBe('https://acme.com/');
  });

  it('writes international domain names in punycode', () => {
    expect(cleanUrl('https://bücher.de/', 2000)).toBe('https://xn--bcher-kva.de/');
  });

  it.each([
    null, '', 'javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)', 'file:///etc/passwd', 'ftp://acme.com/', 'mailto:a@acme.com', '/relative/path', 'acme.com/pricing',
    '//acme.com/', 'http://', 'https://exa mple.com/', '<script>',
  ])('refuses %j', (url) => {
    expect(cleanUrl(url, 2000)).toBeNull();
  });

  it('gives null when nothing is left after the cut', () => {
    expect(cleanUrl('https://acme.com/', 0)).toBeNull();
    expect(cleanUrl('https://acme.com/', Number.NaN)).toBeNull();
  });

  it('never throws, and what it returns is the start of an http(s) URL, within the length', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })), fc.integer({ min: 0, max: 300 }), (url, max) => {
        const result = cleanUrl(url, max);
        if (result === null) return;
        const whole = cleanUrl(url, Number.MAX_SAFE_INTEGER)!;
        expect(whole).toMatch(/^https?:\/\/[^/]/);
        expect(whole.startsWith(result)).toBe(true);
        expect(result.length).toBeLessThanOrEqual(max);
      }),
      { numRuns: 500 },
    );
  });
});
