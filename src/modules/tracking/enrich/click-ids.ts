import type { Channel } from './channel.js';

/** An ad platform's click id: the parameter it appends to the landing URL and what it says of the visit. */
export type ClickId = {
  readonly param: string;
  readonly channel: Channel;
  readonly source: string;
  readonly medium: string;
};

// Ad platforms append their click id when auto-tagging is on, often with no UTM tags at all,
// so the click id alone has to say where the visit came from. The source and medium are what
// GA4 reports for auto-tagged Google Ads clicks (google / cpc) and the same pattern for the
// others; a Display & Video 360 or Campaign Manager click (dclid) is display, reported as cpm.
// fbclid is not an ad click: Facebook and Instagram add it to every outbound link, so GA4
// counts it as organic social, and a paid medium in the UTM tags turns it into paid social.
//
// The order is the precedence when a URL has several (a Google Ads click shared on Facebook
// keeps its gclid and gains an fbclid: it was still paid for by the Google Ads click).
export const CLICK_IDS: readonly ClickId[] = [
  { param: 'gclid', channel: 'paid_search', source: 'google', medium: 'cpc' },
  { param: 'gbraid', channel: 'paid_search', source: 'google', medium: 'cpc' },
  { param: 'wbraid', channel: 'paid_search', source: 'google', medium: 'cpc' },
  { param: 'msclkid', channel: 'paid_search', source: 'bing', medium: 'cpc' },
  { param: 'yclid', channel: 'paid_search', source: 'yandex', medium: 'cpc' },
  { param: 'dclid', channel: 'display', source: 'google', medium: 'cpm' },
  { param: 'ttclid', channel: 'paid_social', source: 'tiktok', medium: 'cpc' },
  { param: 'li_fat_id', channel: 'paid_social', source: 'linkedin', medium: 'cpc' },
  { param: 'twclid', channel: 'paid_social', source: 'twitter', medium: 'cpc' },
  { param: 'epik', channel: 'paid_social', source: 'pinterest', medium: 'cpc' },
  { param: 'sccid', channel: 'paid_social', source: 'snapchat', medium: 'cpc' },
  { param: 'rdt_cid', channel: 'paid_social', source: 'reddit', medium: 'cpc' },
  { param: 'fbclid', channel: 'organic_social', source: 'facebook', medium: 'social' },
];
