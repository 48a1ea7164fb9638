// The visitor id, first-party: kept in the site's own localStorage under `inflow_vid` (t.js
// reads and writes the same key, and mirrors it in a cookie), so it names one browser on one
// site and nothing more. Where storage is refused (private windows, blocked site data, a
// sandbox) there is no id: forms still work, without progressive profiling.
import { isVisitorId, randomUuid } from '../../src/modules/capture/visitor-id.js';

export const VISITOR_KEY = 'inflow_vid';

/** This browser's visitor id on this site; with `create`, made and stored when there is none. Null when storage is refused. */
export function visitorId(create: boolean): string | null {
  try {
    const stored = localStorage.getItem(VISITOR_KEY);
    if (stored && isVisitorId(stored)) return stored;
    if (!create) return null;
    const id = randomUuid();
    localStorage.setItem(VISITOR_KEY, id);
    return id;
  } catch {
    return null;
  }
}
