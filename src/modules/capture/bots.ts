// Crawlers and headless browsers render pages and run scripts too; their views and impressions
// would only dilute conversion. Issue 12's tracker brings a maintained list; until then, the
// words their user agents carry.
const BOT = /bot|crawl|spider|slurp|headless|lighthouse|preview|monitor|curl|wget|python|java\//i;

export const isBot = (userAgent: string | string[] | undefined): boolean => BOT.test(String(userAgent ?? ''));
