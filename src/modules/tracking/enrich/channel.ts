import { CLICK_IDS, type ClickId } from './click-ids.js';
import { bareHost, siteOfApp, siteOfHost, siteOfSource, type KnownSite } from './known-sites.js';
import { cleanValue, utmOf, type Utm } from './utm.js';

export type Channel =
  | 'organic_search'
  | 'paid_search'
  | 'organic_social'
  | 'paid_social'
  | 'email'
  | 'referral'
  | 'direct'
  | 'display'
  | 'affiliate'
  | 'other';

export const CHANNELS: readonly Channel[] = Object.freeze([
  'organic_search', 'paid_search', 'organic_social', 'paid_social', 'email',
  'referral', 'direct', 'display', 'affiliate', 'other',
] as const);

export type ChannelInput = {
  utm: Utm;
  referrer: string | null;
  landingUrl: string | null;
  siteHost?: string | null;
};

export type Classification = { channel: Channel; source: string | null; medium: string | null };

// The rules follow GA4's default channel group (Analytics Help, "[GA4] Default channel group"),
// folded into Inflow's ten channels. GA4's paid pattern, shared by its paid channels:
const PAID_MEDIUM = /^(.*cp.*|ppc|retargeting|paid.*)$/;
// Mediums that say which paid channel they mean, whatever the source.
const PAID_SOCIAL_MEDIUM = /^(paid[-_ ]?social|social[-_ ]?(paid|ads?))$/;
const PAID_SEARCH_MEDIUM = /^(paid[-_ ]?search|search[-_ ]?(paid|ads?)|sem)$/;
// Before GA4 split Paid Other off, cpc and ppc meant paid search whatever the source, and most
// tagging guides still use them that way.
const SEARCH_AD_MEDIUMS: ReadonlySet<string> = new Set(['cpc', 'ppc']);
const DISPLAY_MEDIUMS: ReadonlySet<string> = new Set(['display', 'banner', 'expandable', 'interstitial', 'cpm']);
const AFFILIATE_MEDIUMS: ReadonlySet<string> = new Set(['affiliate', 'affiliates', 'partner', 'partners']);
// GA4's email words (with the space a `+` in a URL decodes to) and the newsletter they come from.
const EMAIL_WORDS: ReadonlySet<string> = new Set(['email', 'e-mail', 'e_mail', 'e mail', 'newsletter']);
const SOCIAL_MEDIUMS: ReadonlySet<string> = new Set([
  'social', 'social-network', 'social-media', 'sm', 'social network', 'social media', 'organic_social', 'organic-social',
]);
const REFERRAL_MEDIUMS: ReadonlySet<string> = new Set(['referral', 'app', 'link']);

// The medium reported when the tags give none: what GA4 reports for such a visit.
const DEFAULT_MEDIUM: Readonly<Record<Channel, string | null>> = {
  organic_search: 'organic',
  paid_search: null,
  organic_social: 'social',
  paid_social: null,
  email: 'email',
  referral: 'referral',
  direct: null,
  display: null,
  affiliate: null,
  other: null,
};

const CHANNEL_OF_KIND = { search: 'organic_search', social: 'organic_social', webmail: 'email', ai: 'referral' } as const;

type Referrer = { source: string; site: KnownSite | null };

/**
 * The channel of a session, with the source and medium reported for it, from the UTM tags of
 * its landing page, the ad click ids on the landing URL and its referrer.
 *
 * - No utm_source nor utm_medium: a click id decides (gclid is google / cpc, paid search;
 *   fbclid is facebook / social, organic social); else the referrer (a search engine is organic
 *   search, a social network organic social, a webmail email, an AI assistant or any other
 *   host a referral); else `other` when other UTM tags are present and `direct` when nothing is.
 *   A referrer from the site itself (`siteHost` or the landing URL's host, `www.` ignored)
 *   and one that is not an http(s) or android-app URL count as no referrer.
 * - Tagged: `source` is utm_source, else the click id's, else the referrer's; `medium` is
 *   utm_medium, else the click id's. A medium that names a channel decides it (cpc, paid_social,
 *   display, affiliate, email, social, organic), paid ones by the source's kind when they do
 *   not say (facebook / cpc is paid social); else the source does (google alone is organic
 *   search, newsletter email); else `other`. GA4 looks at the source lists before email and
 *   affiliate mediums; here the medium the marketer wrote wins.
 *
 * `source` and `medium` are lower-cased; the medium defaults to `organic`, `social`, `email`
 * or `referral` for those channels and is null for direct. Never throws.
 */
export function classify(input: ChannelInput): Classification {
  const utm: Partial<Utm> = input?.utm ?? {};
  const source = lowerValue(utm.source);
  const medium = lowerValue(utm.medium);
  const click = clickOf(input?.landingUrl);
  const siteHost = typeof input?.siteHost === 'string' ? input.siteHost : null;
  const ownHosts = [bareHost(hostOf(siteHost) ?? siteHost), bareHost(hostOf(input?.landingUrl))];
  const referrer = referrerOf(input?.referrer, ownHosts);

  if (source === null && medium === null) {
    if (click) return { channel: click.channel, source: click.source, medium: click.medium };
    if (referrer) return byReferrer(referrer);
    const tagged = [utm.campaign, utm.term, utm.content].some((value) => cleanValue(value) !== null);
    return { channel: tagged ? 'other' : 'direct', source: null, medium: null };
  }
  const effectiveSource = source ?? click?.source ?? referrer?.source ?? null;
  const effectiveMedium = medium ?? click?.medium ?? null;
  const channel = byTags(effectiveSource, effectiveMedium);
  return { channel, source: effectiveSource, medium: effectiveMedium ?? DEFAULT_MEDIUM[channel] };
}

function lowerValue(value: unknown): string | null {
  return cleanValue(typeof value === 'string' ? value.toLowerCase() : null);
}

function byTags(source: string | null, medium: string | null): Channel {
  const kind = source === null ? null : siteOfSource(source)?.kind ?? null;
  const named = medium === null ? null : channelOfMedium(medium, kind);
  if (named) return named;
  if (source !== null && EMAIL_WORDS.has(source)) return 'email';
  if (kind !== null) return CHANNEL_OF_KIND[kind];
  if (medium !== null && REFERRAL_MEDIUMS.has(medium)) return 'referral';
  return 'other';
}

function channelOfMedium(medium: string, kind: KnownSite['kind'] | null): Channel | null {
  if (PAID_SOCIAL_MEDIUM.test(medium)) return 'paid_social';
  if (PAID_SEARCH_MEDIUM.test(medium)) return 'paid_search';
  if (PAID_MEDIUM.test(medium)) {
    if (kind === 'search') return 'paid_search';
    if (kind === 'social') return 'paid_social';
    if (DISPLAY_MEDIUMS.has(medium)) return 'display';
    // GA4's Paid Other (retargeting, cpv, cpa… from a source it does not know) has no channel here.
    return SEARCH_AD_MEDIUMS.has(medium) ? 'paid_search' : 'other';
  }
  if (DISPLAY_MEDIUMS.has(medium)) return 'display';
  if (AFFILIATE_MEDIUMS.has(medium)) return 'affiliate';
  if (EMAIL_WORDS.has(medium)) return 'email';
  if (SOCIAL_MEDIUMS.has(medium)) return 'organic_social';
  // Marketers tag their own posts "organic" too: facebook / organic is organic social.
  if (medium === 'organic') return kind === 'social' ? 'organic_social' : 'organic_search';
  return null;
}

function byReferrer(referrer: Referrer): Classification {
  const channel = referrer.site ? CHANNEL_OF_KIND[referrer.site.kind] : 'referral';
  return { channel, source: referrer.source, medium: DEFAULT_MEDIUM[channel] };
}

function clickOf(landingUrl: unknown): ClickId | null {
  const [first] = utmOf(typeof landingUrl === 'string' ? landingUrl : null).clickIds;
  return CLICK_IDS.find((click) => click.param === first) ?? null;
}

/** The host of an absolute http(s) URL; null for anything else (`acme.com`, `localhost:3000`). */
function hostOf(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : null;
  } catch {
    return null;
  }
}

function referrerOf(referrer: unknown, ownHosts: readonly (string | null)[]): Referrer | null {
  if (typeof referrer !== 'string') return null;
  let url: URL;
  try {
    url = new URL(referrer.trim());
  } catch {
    return null;
  }
  // Android names the app that opened a link (android-app://com.google.android.gm/): that is
  // how visits from the Gmail app and the Google search app arrive.
  if (url.protocol === 'android-app:') {
    const app = lowerValue(url.hostname);
    if (app === null) return null;
    const site = siteOfApp(app);
    return { source: site?.name ?? app, site };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = bareHost(url.hostname);
  if (host === null || ownHosts.includes(host)) return null;
  const site = siteOfHost(host);
  return { source: site?.name ?? cleanValue(host) ?? host, site };
}
