// Whether a pop-up may open for this visit: its page, device, visit and campaign, and the
// visitor's earlier closes and submissions. Pure: f.js bundles it; the tests run it.
import type { TargetingValue } from './definition.js';

export type Device = 'desktop' | 'tablet' | 'mobile';

export interface Visit {
  /** The page's address without its #fragment. */
  url: string;
  device: Device;
  /** A later visit (session) than the visitor's first on this site. */
  returning: boolean;
  /** The utm_campaign the visit (session) arrived with, if any. */
  campaign: string | null;
}

/** `*` is any run of characters; a pattern starting with `/` is matched against the path and query, any other against the whole address. Case does not matter. */
export function matchesPattern(pattern: string, url: string): boolean {
  let subject = url;
  if (pattern.startsWith('/')) {
    try {
      const parsed = new URL(url);
      subject = parsed.pathname + parsed.search;
    } catch {
      return false;
    }
  }
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`, 'i').test(subject);
}

/** Phones are narrow; tablets are touch screens up to a laptop's width; everything else is a desktop. */
export function deviceOf(width: number, touch: boolean): Device {
  if (width < 768) return 'mobile';
  if (touch && width <= 1366) return 'tablet';
  return 'desktop';
}

export function targets(targeting: Omit<TargetingValue, 'hide_from_known'>, visit: Visit): boolean {
  if (targeting.include.length > 0 && !targeting.include.some((p) => matchesPattern(p, visit.url))) return false;
  if (targeting.exclude.some((p) => matchesPattern(p, visit.url))) return false;
  if (!targeting.devices.includes(visit.device)) return false;
  if (targeting.visitors === 'new' && visit.returning) return false;
  if (targeting.visitors === 'returning' && !visit.returning) return false;
  if (targeting.utm_campaigns.length > 0) {
    const campaign = visit.campaign?.toLowerCase();
    if (!campaign || !targeting.utm_campaigns.some((c) => c.toLowerCase() === campaign)) return false;
  }
  return true;
}

export interface PopupHistory {
  /** When the visitor last closed it / submitted it (ms since the epoch). */
  closedAt?: number;
  submittedAt?: number;
}

const DAY_MS = 86_400_000;

/** Whether the visitor closed or submitted it recently enough that it stays shut. */
export function capped(frequency: { days_after_close: number; days_after_submit: number }, history: PopupHistory, now: number): boolean {
  if (history.submittedAt !== undefined && now - history.submittedAt < frequency.days_after_submit * DAY_MS) return true;
  if (history.closedAt !== undefined && now - history.closedAt < frequency.days_after_close * DAY_MS) return true;
  return false;
}

/** How far down the page the reader has seen, in percent (a page shorter than the window is all seen). */
export function scrolledPercent(scrollTop: number, viewportHeight: number, documentHeight: number): number {
  if (documentHeight <= viewportHeight) return 100;
  return Math.min(100, Math.round(((scrollTop + viewportHeight) / documentHeight) * 100));
}
