// The ids t.js sends, kept in the site's own storage. The visitor id is f.js's (`inflow_vid`
// in localStorage, embed/forms/visitor.ts), so a form posted later carries the id the tracker
// used, mirrored in a first-party cookie so that either restores the other. The session id
// lives in `inflow_sid` with its last activity (tracker/session.ts). Where storage is refused,
// both live in memory for the page.
import { isVisitorId, randomUuid } from '../../src/modules/capture/visitor-id.js';
import { VISITOR_KEY, visitorId } from '../forms/visitor.js';
import { cookieAssignment, cookieValue } from './cookie.js';
import { continuedSession } from './session.js';

const SESSION_KEY = 'inflow_sid';

let sessionInMemory: string | null = null;

/** A value of the site's localStorage; null where there is none or storage is refused. */
export function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Keeps `value` under `key`, or removes it when null; nothing where storage is refused. */
export function store(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage refused: the caller keeps what it needs in memory.
  }
}

function setCookie(value: string | null): void {
  try {
    document.cookie = cookieAssignment(VISITOR_KEY, value, location.protocol === 'https:');
  } catch {
    // A sandboxed frame refuses cookies: localStorage, or memory, has to do.
  }
}

/** This browser's visitor id, from localStorage or else the cookie (each restores the other); made when neither has one. */
export function trackerVisitorId(): string {
  let cookie: string | null = null;
  try {
    cookie = cookieValue(document.cookie, VISITOR_KEY);
  } catch {
    // As in setCookie.
  }
  let id = visitorId(false);
  if (!id && cookie && isVisitorId(cookie)) store(VISITOR_KEY, (id = cookie));
  id = id || visitorId(true) || randomUuid();
  // Written each page view: the cookie's 400 days count from the last visit.
  setCookie(id);
  return id;
}

/** The session an event at `now` belongs to, marking `now` as its last activity. */
export function sessionAt(now: number, continued: boolean): string {
  const id = continuedSession(readStored(SESSION_KEY) ?? sessionInMemory, now, continued) || randomUuid();
  sessionInMemory = `${id}.${now}`;
  store(SESSION_KEY, sessionInMemory);
  return id;
}

/** Removes both ids wherever they were kept (consent withdrawn). */
export function forgetIds(): void {
  store(VISITOR_KEY, null);
  store(SESSION_KEY, null);
  setCookie(null);
  sessionInMemory = null;
}
