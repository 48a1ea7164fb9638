// The session: `inflow_sid` holds `UUID.lastActivityMs`, shared by the site's tabs; a visitor
// inactive for 30 minutes starts a new one (the usual web-analytics rule, GA's default too).
import { isVisitorId } from '../../src/modules/capture/visitor-id.js';

export const SESSION_IDLE_MS = 30 * 60_000;

/**
 * The stored session an event at `now` continues, or null when a new one starts. `continued`
 * is for engagement: time spent reading the page is activity even without an event in it.
 * A clock set back by more than the idle time also ends the session.
 */
export function continuedSession(stored: string | null, now: number, continued = false): string | null {
  const [id, last] = (stored || '').split('.');
  if (!id || !isVisitorId(id)) return null;
  const idle = now - Number(last);
  return continued || (idle < SESSION_IDLE_MS && idle > -SESSION_IDLE_MS) ? id : null;
}
