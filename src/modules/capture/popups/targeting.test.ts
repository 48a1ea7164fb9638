import { describe, expect, it } from 'vitest';
import { DEFAULT_POPUP_SETTINGS } from './definition.js';
import { capped, deviceOf, matchesPattern, scrolledPercent, targets, type Visit } from './targeting.js';

const visit: Visit = { url: 'https://shop.example/blog/post-1?utm_campaign=Spring', device: 'desktop', returning: false, campaign: 'Spring' };
const all = DEFAULT_POPUP_SETTINGS.targeting;

describe('matchesPattern', () => {
  it('matches paths (with their query) when the pattern starts with /, whole addresses otherwise, * as any run', () => {
    expect(matchesPattern('/blog/*', visit.url)).toBe(true);
    expect(matchesPattern('/blog', visit.url)).toBe(false);
    expect(matchesPattern('/BLOG/POST-1*', visit.url)).toBe(true);
    expect(matchesPattern('https://shop.example/*', visit.url)).toBe(true);
    expect(matchesPattern('https://other.example/*', visit.url)).toBe(false);
    expect(matchesPattern('*post-?', 'https://shop.example/post-1')).toBe(false);
    expect(matchesPattern('*post-?', 'https://shop.example/post-?')).toBe(true);
    expect(matchesPattern('/(a+)+$', 'https://shop.example/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')).toBe(false);
    expect(matchesPattern('/x', 'not a url')).toBe(false);
  });
});

describe('targets', () => {
  it('takes every visit with the defaults', () => expect(targets(all, visit)).toBe(true));
  it('keeps to the included pages, minus the excluded ones', () => {
    expect(targets({ ...all, include: ['/blog/*'] }, visit)).toBe(true);
    expect(targets({ ...all, include: ['/pricing'] }, visit)).toBe(false);
    expect(targets({ ...all, include: ['/blog/*'], exclude: ['/blog/post-1*'] }, visit)).toBe(false);
  });
  it('keeps to its devices, new or returning visitors and campaigns (any case)', () => {
    expect(targets({ ...all, devices: ['mobile'] }, visit)).toBe(false);
    expect(targets({ ...all, visitors: 'returning' }, visit)).toBe(false);
    expect(targets({ ...all, visitors: 'new' }, { ...visit, returning: true })).toBe(false);
    expect(targets({ ...all, utm_campaigns: ['spring'] }, visit)).toBe(true);
    expect(targets({ ...all, utm_campaigns: ['autumn'] }, visit)).toBe(false);
    expect(targets({ ...all, utm_campaigns: ['spring'] }, { ...visit, campaign: null })).toBe(false);
  });
});

describe('deviceOf, capped, scrolledPercent', () => {
  it('tells phones, tablets and desktops apart', () => {
    expect([deviceOf(390, true), deviceOf(820, true), deviceOf(1280, false), deviceOf(1280, true), deviceOf(1920, true)]).toEqual(['mobile', 'tablet', 'desktop', 'tablet', 'desktop']);
  });
  it('stays shut for the days after a close or a submit', () => {
    const day = 86_400_000;
    const frequency = { days_after_close: 7, days_after_submit: 365 };
    expect(capped(frequency, {}, 0)).toBe(false);
    expect(capped(frequency, { closedAt: 0 }, 6 * day)).toBe(true);
    expect(capped(frequency, { closedAt: 0 }, 7 * day)).toBe(false);
    expect(capped(frequency, { submittedAt: 0 }, 300 * day)).toBe(true);
    expect(capped({ days_after_close: 0, days_after_submit: 0 }, { closedAt: 0, submittedAt: 0 }, 1)).toBe(false);
  });
  it('counts a short page as seen', () => {
    expect(scrolledPercent(0, 800, 600)).toBe(100);
    expect(scrolledPercent(0, 800, 1600)).toBe(50);
    expect(scrolledPercent(800, 800, 1600)).toBe(100);
  });
});
