import { describe, expect, it } from 'vitest';
import { AI_ASSISTANTS } from './ai-assistants.js';
import { bareHost, siteOfApp, siteOfHost, siteOfSource, type SiteEntry } from './known-sites.js';
import { SEARCH_ENGINES } from './search-engines.js';
import { SOCIAL_NETWORKS } from './social-networks.js';
import { WEBMAIL } from './webmail.js';

const TABLES: Record<string, readonly SiteEntry[]> = { SEARCH_ENGINES, SOCIAL_NETWORKS, AI_ASSISTANTS, WEBMAIL };
const entries = Object.values(TABLES).flat();
const duplicates = (values: string[]) => values.filter((value, i) => values.indexOf(value) !== i);

describe('the site tables', () => {
  it('hold lower-case host patterns: a dotted host, or a brand followed by .*', () => {
    const label = '(?!-)[a-z0-9-]{1,63}(?<!-)';
    const pattern = new RegExp(`^(${label}(\\.${label})+|${label}\\.\\*)$`);
    for (const entry of entries) for (const host of entry.hosts) expect(host, entry.name).toMatch(pattern);
  });

  it('never list a host, a name, an alias or an app twice, in one table or across them', () => {
    expect(duplicates(entries.flatMap((entry) => entry.hosts))).toEqual([]);
    expect(duplicates(entries.flatMap((entry) => [entry.name, ...(entry.aliases ?? [])]))).toEqual([]);
    expect(duplicates(entries.flatMap((entry) => entry.apps ?? []))).toEqual([]);
  });

  it('name every site in lower case, without spaces', () => {
    for (const entry of entries) {
      for (const name of [entry.name, ...(entry.aliases ?? [])]) expect(name).toMatch(/^[a-z0-9][a-z0-9.-]*$/);
    }
  });

  it('cover the engines, networks and assistants of the product brief', () => {
    const names = (table: readonly SiteEntry[]) => table.map((entry) => entry.name);
    expect(names(SEARCH_ENGINES)).toEqual(expect.arrayContaining(['google', 'bing', 'yahoo', 'duckduckgo', 'yandex', 'baidu', 'ecosia', 'naver', 'seznam', 'qwant', 'startpage', 'brave']));
    expect(names(SOCIAL_NETWORKS)).toEqual(expect.arrayContaining(['facebook', 'instagram', 'twitter', 'linkedin', 'youtube', 'pinterest', 'reddit', 'tiktok', 'whatsapp', 'telegram', 'threads', 'bluesky', 'mastodon', 'vk', 'quora', 'snapchat']));
    expect(names(AI_ASSISTANTS)).toEqual(expect.arrayContaining(['chatgpt', 'perplexity', 'gemini', 'copilot', 'claude']));
  });
});

describe('siteOfHost', () => {
  it.each([
    ['www.google.com', 'search', 'google'],
    ['google.co.uk', 'search', 'google'],
    ['WWW.GOOGLE.COM.BR.', 'search', 'google'],
    ['mail.google.com', 'webmail', 'gmail'],
    ['gemini.google.com', 'ai', 'gemini'],
    ['uk.search.yahoo.com', 'search', 'yahoo'],
    ['mail.yahoo.com', 'webmail', 'yahoo-mail'],
    ['yahoo.co.jp', 'search', 'yahoo'],
    ['email.seznam.cz', 'webmail', 'seznam-email'],
    ['search.seznam.cz', 'search', 'seznam'],
    ['lm.facebook.com', 'social', 'facebook'],
    ['t.co', 'social', 'twitter'],
    ['chatgpt.com', 'ai', 'chatgpt'],
  ])('%s is %s (%s)', (host, kind, name) => {
    expect(siteOfHost(host)).toEqual({ kind, name });
  });

  it.each([
    'docs.google.com',
    'accounts.google.com',
    'google.blogspot.com',
    'www.google.com.evil.io',
    'notgoogle.com',
    'facebook.com.evil.io',
    'evilfacebook.com',
    'co.uk',
    'localhost',
    '10.0.0.1',
    '',
    '.',
  ])('%s is no known site', (host) => {
    expect(siteOfHost(host)).toBeNull();
  });

  it('gives up at once on a host longer than DNS allows', () => {
    expect(siteOfHost(`${'a.'.repeat(50_000)}google.com`)).toBeNull();
  });
});

describe('siteOfSource', () => {
  it('knows canonical names, aliases, hosts and URLs, in any case', () => {
    expect(siteOfSource('Google')).toEqual({ kind: 'search', name: 'google' });
    expect(siteOfSource('FB')).toEqual({ kind: 'social', name: 'facebook' });
    expect(siteOfSource('x')).toEqual({ kind: 'social', name: 'twitter' });
    expect(siteOfSource('m.facebook.com')).toEqual({ kind: 'social', name: 'facebook' });
    expect(siteOfSource('https://t.co/abc')).toEqual({ kind: 'social', name: 'twitter' });
    expect(siteOfSource('chatgpt.com')).toEqual({ kind: 'ai', name: 'chatgpt' });
    expect(siteOfSource('gmail')).toEqual({ kind: 'webmail', name: 'gmail' });
  });

  it('knows nothing of other words', () => {
    expect(siteOfSource('newsletter')).toBeNull();
    expect(siteOfSource('googleplex')).toBeNull();
    expect(siteOfSource('')).toBeNull();
  });
});

describe('siteOfApp and bareHost', () => {
  it('recognises Android apps by package name', () => {
    expect(siteOfApp('com.google.android.gm')).toEqual({ kind: 'webmail', name: 'gmail' });
    expect(siteOfApp('com.google.android.googlequicksearchbox')).toEqual({ kind: 'search', name: 'google' });
    expect(siteOfApp('com.slack')).toBeNull();
  });

  it('lower-cases a host and drops www., a trailing dot and a port', () => {
    expect(bareHost('WWW.Acme.COM.:8080')).toBe('acme.com');
    expect(bareHost('  ')).toBeNull();
    expect(bareHost(null)).toBeNull();
  });
});
