import type { SiteEntry } from './known-sites.js';

// Search engines whose visitors count as organic search (or paid search with a paid medium or
// a click id). Drawn from the sources GA4 puts in its "search sites" list (Analytics Help,
// "[GA4] Default channel group", the downloadable list of sources and categories), checked
// against Matomo's searchengine-and-social-list and Snowplow's referer-parser, and kept to the
// engines that send real traffic. AI assistants are not here: see ai-assistants.ts.
//
// To add an engine: one entry, `name` lower-case as it should appear in reports (it is also
// recognised as a utm_source), `hosts` as described on SiteEntry (prefer `brand.*` for engines
// with a domain per country, and a host like `search.example.com` when the rest of the domain
// is not a search engine), then a case in channel.test.ts. A host may appear in one table only
// (known-sites.test.ts checks).
export const SEARCH_ENGINES: readonly SiteEntry[] = [
  { name: 'google', hosts: ['google.*'], apps: ['com.google.android.googlequicksearchbox'] },
  { name: 'bing', hosts: ['bing.com'], apps: ['com.microsoft.bing'] },
  { name: 'yahoo', hosts: ['yahoo.*', 'search.yahoo.com', 'search.yahoo.co.jp'] },
  { name: 'duckduckgo', hosts: ['duckduckgo.com'], aliases: ['ddg'], apps: ['com.duckduckgo.mobile.android'] },
  { name: 'yandex', hosts: ['yandex.*', 'ya.ru'], apps: ['ru.yandex.searchplugin'] },
  { name: 'baidu', hosts: ['baidu.com'] },
  { name: 'ecosia', hosts: ['ecosia.org'] },
  { name: 'naver', hosts: ['search.naver.com'] },
  { name: 'daum', hosts: ['search.daum.net'] },
  { name: 'seznam', hosts: ['seznam.cz'] },
  { name: 'qwant', hosts: ['qwant.com'] },
  { name: 'startpage', hosts: ['startpage.com'] },
  { name: 'brave', hosts: ['search.brave.com'] },
  { name: 'aol', hosts: ['search.aol.com'] },
  { name: 'ask', hosts: ['ask.com'] },
  { name: 'sogou', hosts: ['sogou.com'] },
  { name: 'mojeek', hosts: ['mojeek.com'] },
  { name: 'kagi', hosts: ['kagi.com'] },
  { name: 'coccoc', hosts: ['coccoc.com'] },
  { name: 'petal', hosts: ['petalsearch.com'] },
];
