import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { deviceOf, type Device } from './user-agent.js';

type Case = [label: string, userAgent: string, expected: Device];

const browsers: Case[] = [
  ['Chrome on Windows', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36', { device: 'desktop', browser: 'Chrome', os: 'Windows' }],
  ['Edge on Windows', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.67', { device: 'desktop', browser: 'Edge', os: 'Windows' }],
  ['Opera on Windows', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 OPR/109.0.0.0', { device: 'desktop', browser: 'Opera', os: 'Windows' }],
  ['Internet Explorer 11', 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko', { device: 'desktop', browser: 'IE', os: 'Windows' }],
  ['Safari on macOS', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15', { device: 'desktop', browser: 'Safari', os: 'macOS' }],
  ['Firefox on Ubuntu', 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0', { device: 'desktop', browser: 'Firefox', os: 'Linux' }],
  ['Firefox on Linux', 'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0', { device: 'desktop', browser: 'Firefox', os: 'Linux' }],
  ['Chrome on a Chromebook', 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36', { device: 'desktop', browser: 'Chrome', os: 'ChromeOS' }],
  ['Slack (Electron) on Windows', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Slack/4.38.115 Chrome/122.0.6261.156 Electron/29.4.0 Safari/537.36', { device: 'desktop', browser: 'Electron', os: 'Windows' }],
  ['Safari on iPhone', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1', { device: 'mobile', browser: 'Safari', os: 'iOS' }],
  ['Chrome on iPhone', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1', { device: 'mobile', browser: 'Chrome', os: 'iOS' }],
  ['Firefox on iPhone', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/125.0 Mobile/15E148 Safari/605.1.15', { device: 'mobile', browser: 'Firefox', os: 'iOS' }],
  ['Facebook in-app browser on iPhone', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/458.0.0.38.108;FBBV/594484453;FBDV/iPhone15,3;FBMD/iPhone;FBSN/iOS;FBSV/17.4;FBSS/3;FBCR/;FBID/phone;FBLC/en_US;FBOP/80]', { device: 'mobile', browser: 'Facebook', os: 'iOS' }],
  ['Chrome on Android', 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36', { device: 'mobile', browser: 'Chrome', os: 'Android' }],
  ['Samsung Internet on a Galaxy S23', 'Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36', { device: 'mobile', browser: 'Samsung Internet', os: 'Android' }],
  ['Firefox on Android', 'Mozilla/5.0 (Android 14; Mobile; rv:125.0) Gecko/125.0 Firefox/125.0', { device: 'mobile', browser: 'Firefox', os: 'Android' }],
  ['an Android WebView', 'Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230805.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36', { device: 'mobile', browser: 'Chrome WebView', os: 'Android' }],
  ['Safari on iPad', 'Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1', { device: 'tablet', browser: 'Safari', os: 'iOS' }],
  ['Chrome on a Galaxy Tab', 'Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36', { device: 'tablet', browser: 'Chrome', os: 'Android' }],
  ['Silk on a Kindle Fire', 'Mozilla/5.0 (Linux; Android 9; KFTRWI) AppleWebKit/537.36 (KHTML, like Gecko) Silk/124.2.1 like Chrome/124.0.6367.179 Safari/537.36', { device: 'tablet', browser: 'Silk', os: 'Android' }],
  ['a Samsung smart TV', 'Mozilla/5.0 (SMART-TV; LINUX; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) 85.0.4183.93/6.0 TV Safari/537.36', { device: 'other', browser: 'Safari', os: 'Tizen' }],
  ['a PlayStation 5', 'Mozilla/5.0 (PlayStation; PlayStation 5/2.26) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.0 Safari/605.1.15', { device: 'other', browser: 'Safari', os: 'PlayStation' }],
];

const bots: [label: string, userAgent: string][] = [
  ['Googlebot', 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'],
  ['Googlebot smartphone', 'Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.201 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'],
  ['bingbot', 'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36'],
  ['GPTBot', 'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)'],
  ['Facebook link preview', 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)'],
  ['HeadlessChrome', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.0.0 Safari/537.36'],
  ['PhantomJS', 'Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 (KHTML, like Gecko) PhantomJS/2.1.1 Safari/538.1'],
  ['Chrome-Lighthouse', 'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse'],
  ['Lighthouse', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36 Lighthouse'],
  ['Puppeteer', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 puppeteer'],
  ['Playwright', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Playwright/1.44'],
  ['curl', 'curl/8.5.0'],
  ['python-requests', 'python-requests/2.31.0'],
  ['no user agent at all', ''],
];

describe('deviceOf', () => {
  it.each(browsers)('%s', (_label, userAgent, expected) => {
    expect(deviceOf(userAgent)).toEqual(expected);
  });

  it.each(bots)('%s is a bot', (_label, userAgent) => {
    expect(deviceOf(userAgent).device).toBe('bot');
  });

  it('still names the browser a bot pretends to be', () => {
    expect(deviceOf(bots[1]![1])).toEqual({ device: 'bot', browser: 'Chrome', os: 'Android' });
    expect(deviceOf('curl/8.5.0')).toEqual({ device: 'bot', browser: null, os: null });
  });

  it('copes with garbage: unknown strings are other, hostile ones never throw', () => {
    expect(deviceOf('Mozilla/5.0 (compatible; MSIE)')).toEqual({ device: 'other', browser: null, os: null });
    expect(() => deviceOf('A'.repeat(1_000_000))).not.toThrow();
    expect(() => deviceOf('\u0000\uD800</script>')).not.toThrow();
    expect(deviceOf(null as never).device).toBe('bot');
    expect(deviceOf(42 as never).device).toBe('bot');
  });

  it('gives the same frozen result for the same user agent, so callers cannot change what others get', () => {
    const userAgent = browsers[0]![1];
    const first = deviceOf(userAgent);
    expect(deviceOf(userAgent)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('keeps the user agents in use and forgets those not seen for 2,000 others', () => {
    const kept = 'Mozilla/5.0 (X11; Linux x86_64; rv:1.0) Gecko/20100101 Firefox/1.0 kept';
    const dropped = 'Mozilla/5.0 (X11; Linux x86_64; rv:1.0) Gecko/20100101 Firefox/1.0 dropped';
    const keptResult = deviceOf(kept);
    const droppedResult = deviceOf(dropped);
    for (let i = 0; i < 2_500; i++) {
      deviceOf(`Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/${i}.0`);
      // Used again and again, so it stays while the others push the old ones out.
      if (i % 500 === 0) deviceOf(kept);
    }
    expect(deviceOf(kept)).toBe(keptResult);
    const again = deviceOf(dropped);
    expect(again).not.toBe(droppedResult);
    expect(again).toEqual(droppedResult);
  });

  it('answers a repeated user agent far faster than it parses a new one', () => {
    const repeated = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15 timing';
    const fresh = (round: string, i: number) => `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${i}.0.0.0 Safari/537.36 ${round}`;
    // Time per call in the quickest of ten rounds: a round that a garbage collection or another
    // test file's process interrupted does not count.
    const perCall = (calls: number, call: (round: number, i: number) => void) => {
      let best = Number.POSITIVE_INFINITY;
      for (let round = 0; round < 10; round++) {
        const start = performance.now();
        for (let i = 0; i < calls; i++) call(round, i);
        best = Math.min(best, (performance.now() - start) / calls);
      }
      return best;
    };
    // Both paths warmed up first, so the measure compares the work and not the JIT.
    for (let i = 0; i < 200; i++) deviceOf(fresh('warm-up', i));
    for (let i = 0; i < 5_000; i++) deviceOf(repeated);

    const parsing = perCall(100, (round, i) => deviceOf(fresh(`round-${round}`, i)));
    const remembered = perCall(1_000, () => deviceOf(repeated));

    // Measured on the project's machines: about 40 µs a parse and under 0.1 µs a remembered
    // answer; a factor of 10 leaves room for a busy machine.
    expect(remembered * 10).toBeLessThan(parsing);
  });
});
