// The tracker's ids in the site's storage: the visitor id shared with f.js and mirrored in a
// cookie, the session id with its last activity, and all of it forgotten on request.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { visitorId } from '../../embed/forms/visitor.js';
import { cookieAssignment, cookieValue } from '../../embed/tracker/cookie.js';
import { forgetIds, sessionAt, trackerVisitorId } from '../../embed/tracker/ids.js';
import { isVisitorId } from '../../src/modules/capture/visitor-id.js';

const kept = '0f8fad5b-d9cb-469f-a165-70867728950e';
const other = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

function storage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { items, getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) };
}

/** A cookie jar behind `document.cookie` that records every assignment. */
function cookies(initial = '') {
  const jar = new Map<string, string>(initial ? initial.split('; ').map((pair) => pair.split('=') as [string, string]) : []);
  const written: string[] = [];
  return {
    jar,
    written,
    get cookie() {
      return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    },
    set cookie(assignment: string) {
      written.push(assignment);
      const [pair] = assignment.split('; ');
      const [name, value] = pair!.split('=') as [string, string];
      if (/max-age=0(;|$)/.test(assignment)) jar.delete(name);
      else jar.set(name, value);
    },
  };
}

const refused = {
  getItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
  removeItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
};

beforeEach(() => vi.stubGlobal('location', { protocol: 'https:' }));
afterEach(() => {
  forgetIds();
  vi.unstubAllGlobals();
});

describe('the cookie mirror', () => {
  it('reads one cookie among others', () => {
    expect(cookieValue(`a=1; inflow_vid=${kept}; b=2`, 'inflow_vid')).toBe(kept);
    expect(cookieValue(`my_inflow_vid=${other}`, 'inflow_vid')).toBeNull();
    expect(cookieValue('', 'inflow_vid')).toBeNull();
  });

  it('is first-party, site-wide, for 400 days, Lax, and Secure on https', () => {
    expect(cookieAssignment('inflow_vid', kept, true)).toBe(`inflow_vid=${kept}; path=/; max-age=34560000; SameSite=Lax; Secure`);
    expect(cookieAssignment('inflow_vid', kept, false)).toBe(`inflow_vid=${kept}; path=/; max-age=34560000; SameSite=Lax`);
    expect(cookieAssignment('inflow_vid', null, false)).toBe('inflow_vid=; path=/; max-age=0; SameSite=Lax');
  });
});

describe('trackerVisitorId', () => {
  it("uses f.js's id and mirrors it in the cookie", () => {
    const local = storage({ inflow_vid: kept });
    const doc = cookies();
    vi.stubGlobal('localStorage', local);
    vi.stubGlobal('document', doc);
    expect(trackerVisitorId()).toBe(kept);
    expect(doc.jar.get('inflow_vid')).toBe(kept);
    expect(doc.written).toEqual([`inflow_vid=${kept}; path=/; max-age=34560000; SameSite=Lax; Secure`]);
  });

  it('brings the id back from the cookie when localStorage lost it, where f.js will find it', () => {
    const local = storage();
    vi.stubGlobal('localStorage', local);
    vi.stubGlobal('document', cookies(`inflow_vid=${kept}`));
    expect(trackerVisitorId()).toBe(kept);
    expect(visitorId(false)).toBe(kept);
  });

  it('prefers localStorage over a cookie that disagrees, and mends the cookie', () => {
    vi.stubGlobal('localStorage', storage({ inflow_vid: kept }));
    const doc = cookies(`inflow_vid=${other}`);
    vi.stubGlobal('document', doc);
    expect(trackerVisitorId()).toBe(kept);
    expect(doc.jar.get('inflow_vid')).toBe(kept);
  });

  it('makes a new id when neither holds one of the right shape, and stores it in both', () => {
    const local = storage();
    const doc = cookies('inflow_vid=user-42');
    vi.stubGlobal('localStorage', local);
    vi.stubGlobal('document', doc);
    const id = trackerVisitorId();
    expect(isVisitorId(id)).toBe(true);
    expect(local.items.get('inflow_vid')).toBe(id);
    expect(doc.jar.get('inflow_vid')).toBe(id);
  });

  it('still gives an id where storage and cookies are refused', () => {
    vi.stubGlobal('localStorage', refused);
    vi.stubGlobal('document', {
      get cookie(): string {
        throw new DOMException('denied', 'SecurityError');
      },
      set cookie(_: string) {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    expect(isVisitorId(trackerVisitorId())).toBe(true);
  });
});

describe('sessionAt', () => {
  const at = 1_733_450_000_000;

  it('keeps one session while the visitor is active and stores the last activity', () => {
    const local = storage();
    vi.stubGlobal('localStorage', local);
    const first = sessionAt(at, false);
    expect(isVisitorId(first)).toBe(true);
    expect(local.items.get('inflow_sid')).toBe(`${first}.${at}`);
    expect(sessionAt(at + 29 * 60_000, false)).toBe(first);
    expect(sessionAt(at + 58 * 60_000, false)).toBe(first);
    expect(local.items.get('inflow_sid')).toBe(`${first}.${at + 58 * 60_000}`);
  });

  it('starts a new session after 30 idle minutes, unless the time was spent on the page', () => {
    vi.stubGlobal('localStorage', storage({ inflow_sid: `${kept}.${at}` }));
    expect(sessionAt(at + 45 * 60_000, true)).toBe(kept);
    const next = sessionAt(at + 90 * 60_000, false);
    expect(next).not.toBe(kept);
  });

  it('shares the session another tab keeps in storage', () => {
    const local = storage();
    vi.stubGlobal('localStorage', local);
    sessionAt(at, false);
    local.items.set('inflow_sid', `${other}.${at + 1000}`);
    expect(sessionAt(at + 2000, false)).toBe(other);
  });

  it('keeps the session in memory for the page where storage is refused', () => {
    vi.stubGlobal('localStorage', refused);
    const first = sessionAt(at, false);
    expect(sessionAt(at + 60_000, false)).toBe(first);
    expect(sessionAt(at + 60_000 + 31 * 60_000, false)).not.toBe(first);
  });
});

describe('forgetIds', () => {
  it('removes the visitor id, the session and the cookie', () => {
    const local = storage({ inflow_vid: kept, inflow_sid: `${other}.1`, inflow_consent: '0' });
    const doc = cookies(`inflow_vid=${kept}; theme=dark`);
    vi.stubGlobal('localStorage', local);
    vi.stubGlobal('document', doc);
    forgetIds();
    expect([...local.items.keys()]).toEqual(['inflow_consent']);
    expect([...doc.jar.keys()]).toEqual(['theme']);
  });

  it('forgets a session kept in memory too', () => {
    vi.stubGlobal('localStorage', refused);
    const at = 1_733_450_000_000;
    const first = sessionAt(at, false);
    forgetIds();
    expect(sessionAt(at + 1000, false)).not.toBe(first);
  });
});
