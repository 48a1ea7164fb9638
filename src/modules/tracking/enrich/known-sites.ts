import { getDomain, getDomainWithoutSuffix } from 'tldts';
import { AI_ASSISTANTS } from './ai-assistants.js';
import { SEARCH_ENGINES } from './search-engines.js';
import { SOCIAL_NETWORKS } from './social-networks.js';
import { WEBMAIL } from './webmail.js';

/**
 * One site of a table: its canonical name (the `source` reported for it) and how to recognise it.
 * A host pattern is either `example.com`, meaning that host and every subdomain of it, or
 * `brand.*`, meaning the brand's registrable domain on any public suffix (`google.*` is
 * google.com, www.google.co.uk, google.com.br), bare or with `www.`, but not other subdomains
 * (docs.google.com is a referral, not a search). `aliases` are other spellings marketers put in
 * utm_source (`fb`, `ig`); `apps` are Android package names, which Android sends as an
 * `android-app://package` referrer when an app opens a link.
 */
export type SiteEntry = {
  readonly name: string;
  readonly hosts: readonly string[];
  readonly aliases?: readonly string[];
  readonly apps?: readonly string[];
};

export type SiteKind = 'search' | 'social' | 'ai' | 'webmail';
export type KnownSite = { readonly kind: SiteKind; readonly name: string };

const byHost = new Map<string, KnownSite>();
const byBrand = new Map<string, KnownSite>();
const byName = new Map<string, KnownSite>();
const byApp = new Map<string, KnownSite>();

function index(kind: SiteKind, entries: readonly SiteEntry[]): void {
  for (const entry of entries) {
    const site: KnownSite = Object.freeze({ kind, name: entry.name });
    for (const pattern of entry.hosts) {
      if (pattern.endsWith('.*')) byBrand.set(pattern.slice(0, -2), site);
      else byHost.set(pattern, site);
    }
    for (const name of [entry.name, ...(entry.aliases ?? [])]) byName.set(name, site);
    for (const app of entry.apps ?? []) byApp.set(app, site);
  }
}

index('search', SEARCH_ENGINES);
index('social', SOCIAL_NETWORKS);
index('ai', AI_ASSISTANTS);
index('webmail', WEBMAIL);

/** A host lower-cased, without a trailing dot, a port or a leading `www.`; null when nothing is left. */
export function bareHost(host: string | null | undefined): string | null {
  if (typeof host !== 'string') return null;
  const bare = host.trim().toLowerCase().replace(/:\d*$/, '').replace(/\.$/, '').replace(/^www\./, '');
  return bare === '' ? null : bare;
}

/**
 * The known site a host belongs to: the most specific host pattern wins (mail.google.com is
 * webmail, gemini.google.com an AI assistant, www.google.de a search engine); null for any
 * other host.
 */
export function siteOfHost(host: string): KnownSite | null {
  const bare = bareHost(host);
  // No DNS name is longer than 253 characters: a longer one is no site, and the walk below
  // would be quadratic in it.
  if (bare === null || bare.length > 253) return null;
  const labels = bare.split('.');
  for (let start = 0; start < labels.length - 1; start++) {
    const site = byHost.get(labels.slice(start).join('.'));
    if (site) return site;
  }
  if (getDomain(bare) !== bare) return null;
  const brand = getDomainWithoutSuffix(bare);
  return brand ? byBrand.get(brand) ?? null : null;
}

/**
 * The known site a utm_source names: by canonical name or alias (`google`, `fb`), or, when it
 * looks like a host or a URL (`facebook.com`, `https://t.co/x`), by that host.
 */
export function siteOfSource(source: string): KnownSite | null {
  const name = source.trim().toLowerCase();
  const named = byName.get(name);
  if (named) return named;
  if (!name.includes('.')) return null;
  return siteOfHost(name.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#\\].*$/s, ''));
}

/** The known site of an Android app's package name (`com.google.android.gm` is Gmail). */
export function siteOfApp(packageName: string): KnownSite | null {
  return byApp.get(packageName.trim().toLowerCase()) ?? null;
}
