// The visit as pop-ups see it: whether this browser came back after an earlier visit (a new
// visit starts after 30 minutes without a page view), and the campaign and source the visit
// arrived with (its landing page's UTM parameters, kept while the visit lasts). Kept in the
// site's own localStorage; without storage every visit is a first one, with no campaign.
const KEY = 'inflow_visit';
const VISIT_GAP_MS = 30 * 60_000;

interface Stored {
  n: number;
  last: number;
  campaign: string | null;
  source: string | null;
}

export interface VisitState {
  returning: boolean;
  campaign: string | null;
  source: string | null;
}

export function currentVisit(now = Date.now()): VisitState {
  const params = new URLSearchParams(location.search);
  const campaign = params.get('utm_campaign');
  const source = params.get('utm_source');
  let stored: Stored | null = null;
  try {
    stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Stored | null;
  } catch {
    stored = null;
  }
  const fresh = !stored || typeof stored.n !== 'number' || now - stored.last > VISIT_GAP_MS;
  const next: Stored = fresh
    ? { n: (stored?.n ?? 0) + 1, last: now, campaign, source }
    // A link with new UTM parameters during a visit is a new touch of it.
    : { n: stored!.n, last: now, campaign: campaign ?? stored!.campaign, source: source ?? stored!.source };
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage refused: this page view still has its own parameters.
  }
  return { returning: next.n > 1, campaign: next.campaign, source: next.source };
}
