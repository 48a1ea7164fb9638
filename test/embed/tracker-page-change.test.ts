// When a single-page app's URL change is a new page view.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNewPage } from '../../embed/tracker/page-change.js';

describe('isNewPage', () => {
  it('counts a new path or query', () => {
    expect(isNewPage('https://a.example/', 'https://a.example/pricing')).toBe(true);
    expect(isNewPage('https://a.example/list?page=1', 'https://a.example/list?page=2')).toBe(true);
    expect(isNewPage('https://a.example/docs#intro', 'https://a.example/guide#intro')).toBe(true);
  });

  it('does not count the same URL, or a jump to an anchor on the page', () => {
    expect(isNewPage('https://a.example/docs', 'https://a.example/docs')).toBe(false);
    expect(isNewPage('https://a.example/docs', 'https://a.example/docs#install')).toBe(false);
    expect(isNewPage('https://a.example/docs#install', 'https://a.example/docs#usage')).toBe(false);
    expect(isNewPage('https://a.example/docs#usage', 'https://a.example/docs')).toBe(false);
  });

  it('counts a change of hash route', () => {
    expect(isNewPage('https://a.example/app#/inbox', 'https://a.example/app#/settings')).toBe(true);
    expect(isNewPage('https://a.example/app', 'https://a.example/app#/settings')).toBe(true);
    expect(isNewPage('https://a.example/app#/settings', 'https://a.example/app#top')).toBe(true);
    expect(isNewPage('https://a.example/app#!/inbox', 'https://a.example/app#!/sent')).toBe(true);
    expect(isNewPage('https://a.example/app#/inbox', 'https://a.example/app#/inbox')).toBe(false);
  });

  it('never counts a change of a fragment that is no route', () => {
    const anchor = fc.stringMatching(/^[a-z0-9_-]*$/);
    fc.assert(
      fc.property(fc.webUrl({ withFragments: false }), anchor, anchor, (url, from, to) => {
        expect(isNewPage(`${url}#${from}`, `${url}#${to}`)).toBe(false);
        expect(isNewPage(url, `${url}#${to}`)).toBe(false);
      }),
    );
  });
});
