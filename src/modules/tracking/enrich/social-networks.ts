import type { SiteEntry } from './known-sites.js';

// Social networks and messengers whose visitors count as organic social (or paid social with a
// paid medium or a click id). Drawn from the sources GA4 puts in its "social sites" list
// (Analytics Help, "[GA4] Default channel group", the downloadable list of sources and
// categories), checked against Matomo's searchengine-and-social-list and Snowplow's
// referer-parser. GA4 keeps video sites (YouTube, TikTok) in a channel of their own; Inflow's
// channels have none, so they count as social. Link shorteners that only one network uses
// (t.co, lnkd.in, redd.it) belong to that network.
//
// X keeps the name `twitter`: x.com and twitter.com are one network, and "x" alone is a poor
// key to group reports by (it is still recognised as a utm_source).
//
// To add a network: one entry, `name` lower-case as it should appear in reports (it is also
// recognised as a utm_source), `hosts` as described on SiteEntry, `aliases` for the short
// utm_source spellings people use, then a case in channel.test.ts. A host may appear in one
// table only (known-sites.test.ts checks).
export const SOCIAL_NETWORKS: readonly SiteEntry[] = [
  { name: 'facebook', hosts: ['facebook.com', 'fb.com', 'fb.me'], aliases: ['fb'], apps: ['com.facebook.katana', 'com.facebook.lite'] },
  { name: 'messenger', hosts: ['messenger.com'], apps: ['com.facebook.orca'] },
  { name: 'instagram', hosts: ['instagram.com'], aliases: ['ig'], apps: ['com.instagram.android'] },
  { name: 'threads', hosts: ['threads.net', 'threads.com'], apps: ['com.instagram.barcelona'] },
  { name: 'twitter', hosts: ['twitter.com', 'x.com', 't.co'], aliases: ['x'], apps: ['com.twitter.android'] },
  { name: 'linkedin', hosts: ['linkedin.com', 'lnkd.in'], apps: ['com.linkedin.android'] },
  { name: 'youtube', hosts: ['youtube.com', 'youtu.be'], aliases: ['yt'], apps: ['com.google.android.youtube'] },
  { name: 'pinterest', hosts: ['pinterest.*', 'pinterest.com', 'pin.it'], apps: ['com.pinterest'] },
  { name: 'reddit', hosts: ['reddit.com', 'redd.it'], apps: ['com.reddit.frontpage'] },
  { name: 'tiktok', hosts: ['tiktok.com'], apps: ['com.zhiliaoapp.musically'] },
  { name: 'whatsapp', hosts: ['whatsapp.com', 'wa.me'], apps: ['com.whatsapp'] },
  { name: 'telegram', hosts: ['telegram.org', 't.me'], apps: ['org.telegram.messenger'] },
  { name: 'bluesky', hosts: ['bsky.app'], aliases: ['bsky'] },
  { name: 'mastodon', hosts: ['mastodon.social', 'mastodon.online'] },
  { name: 'vk', hosts: ['vk.com', 'vk.ru'], aliases: ['vkontakte'] },
  { name: 'quora', hosts: ['quora.com'] },
  { name: 'snapchat', hosts: ['snapchat.com'], aliases: ['snap'] },
  { name: 'tumblr', hosts: ['tumblr.com'] },
  { name: 'discord', hosts: ['discord.com', 'discord.gg', 'discordapp.com'] },
  { name: 'weibo', hosts: ['weibo.com', 'weibo.cn'] },
  { name: 'line', hosts: ['line.me'] },
  { name: 'xing', hosts: ['xing.com'] },
];
