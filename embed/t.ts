// t.js: Inflow's tracking script. What a site pastes (docs/tracking-script.md):
//   <script>window.inflow=window.inflow||function(){(inflow.q=inflow.q||[]).push(arguments)}</script>
//   <script async src="https://INFLOW_HOST/t.js" data-workspace="WORKSPACE_ID"></script>
// It records page views (single-page apps too), visible time, clicks on outbound and file
// links, custom events and identifications, and posts them in batches to the origin it was
// loaded from (tracker/wire.ts). It never creates scripts or markup, so it runs under a strict
// Content-Security-Policy and Trusted Types; its only work is one JSON.stringify per batch.
import { forgetIds, readStored, sessionAt, store, trackerVisitorId } from './tracker/ids.js';
import { identifyEvent, takeContactToken } from './tracker/identify.js';
import { linkEvent } from './tracker/links.js';
import { isNewPage } from './tracker/page-change.js';
import { cleanProperties } from './tracker/properties.js';
import { dropWaiting, post, postOnExit } from './tracker/sender.js';
import type { Batch, EventBody, TrackerEvent } from './tracker/wire.js';

interface Inflow {
  (...args: unknown[]): void;
  /** The snippet's calls made before t.js arrived. */
  q?: ArrayLike<unknown>[];
  /** Set on t.js's own function: a second copy of the script leaves the first one alone. */
  t?: true;
}

declare global {
  interface Window {
    inflow?: Inflow;
  }
}

const CONSENT_KEY = 'inflow_consent';
const FLUSH_AFTER_MS = 1000;
const MAX_BATCH = 20;

(() => {
  const stub = window.inflow;
  if (stub?.t) return;
  const current = document.currentScript as HTMLScriptElement | null;
  const tags = document.querySelectorAll<HTMLScriptElement>('script[src*="/t.js"][data-workspace]');
  const script = current?.dataset.workspace ? current : tags[tags.length - 1];
  const workspace = script?.dataset.workspace;
  if (!workspace) return;
  const endpoint = `${new URL(script.src).origin}/public/events`;
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
  const refused = script.hasAttribute('data-respect-dnt') && (nav.doNotTrack === '1' || nav.globalPrivacyControl === true);

  let on = false;
  let started = false;
  let visitor = '';
  let session = '';
  let queue: TrackerEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let page = location.href;
  let shownAt = 0;
  let visibleMs = 0;

  // An email click's token leaves the address bar at once, tracked or not: a link shared from
  // the page must not name its first reader. It is sent only once tracking starts.
  const clicked = takeContactToken(page);
  let contactToken = clicked?.token || null;
  if (clicked) history.replaceState(history.state, '', (page = clicked.href));

  function add(body: EventBody, urgent = false, at = Date.now(), url = page): void {
    if (!on) return;
    const active = sessionAt(at, body.type === 'engagement');
    // A batch has one session: what the old one did leaves before the new one begins.
    if (active !== session && queue.length) flush();
    session = active;
    queue.push({ ...body, at, url });
    if (queue.length >= MAX_BATCH) flush();
    else if (urgent) {
      clearTimeout(timer);
      timer = setTimeout(() => flush());
    } else timer = timer || setTimeout(() => flush(), FLUSH_AFTER_MS);
  }

  function flush(exit = false): void {
    clearTimeout(timer);
    timer = undefined;
    // sent_at is stamped as the batch leaves (tracker/sender.ts).
    const batch: Batch | null = queue.length ? { workspace_id: workspace!, visitor_id: visitor, session_id: session, sent_at: 0, events: queue } : null;
    queue = [];
    if (exit) postOnExit(endpoint, batch);
    else if (batch) post(endpoint, batch);
  }

  function pause(): void {
    if (shownAt) visibleMs += Date.now() - shownAt;
    shownAt = 0;
  }

  function resume(): void {
    if (!shownAt && document.visibilityState === 'visible') shownAt = Date.now();
  }

  /** Ends the visible time on `page` so far: an engagement event when there was any. */
  function engaged(): void {
    pause();
    if (visibleMs > 0) add({ type: 'engagement', duration_ms: visibleMs });
    visibleMs = 0;
  }

  function routeChanged(): void {
    const href = location.href;
    if (!on || !isNewPage(page, href)) return;
    engaged();
    const referrer = page;
    const at = Date.now();
    page = href;
    resume();
    // Routers give the new page its title just after changing the URL: read it a tick later.
    setTimeout(() => add({ type: 'page_view', title: document.title, referrer }, true, at, href));
  }

  function hidden(): void {
    engaged();
    flush(true);
  }

  function listen(): void {
    for (const name of ['pushState', 'replaceState'] as const) {
      const original = history[name];
      history[name] = function (this: History, ...args: Parameters<History['pushState']>) {
        original.apply(this, args);
        routeChanged();
      };
    }
    addEventListener('popstate', routeChanged);
    addEventListener('hashchange', routeChanged);
    document.addEventListener('visibilitychange', () => (document.visibilityState === 'hidden' ? hidden() : resume()));
    addEventListener('pagehide', hidden);
    addEventListener('pageshow', resume);
    // One listener for every link, present and future; capture, so a page's own handler that
    // stops the click cannot hide it. The composed path reaches links inside web components.
    document.addEventListener(
      'click',
      (event) => {
        const target = event.composedPath()[0];
        const link = target instanceof Element && target.closest('a[href]');
        const found = link && linkEvent(link.getAttribute('href')!, document.baseURI, location.hostname, link.hasAttribute('download'));
        if (found) add(found);
      },
      true,
    );
  }

  function start(): void {
    if (on) return;
    on = true;
    visitor = trackerVisitorId();
    // The first view comes from document.referrer; a view after consent given again, from the last page.
    const referrer = started ? page : document.referrer || null;
    page = location.href;
    visibleMs = shownAt = 0;
    resume();
    add({ type: 'page_view', title: document.title, referrer }, true);
    if (contactToken) add({ type: 'identify', contact_token: contactToken }, true);
    contactToken = null;
    if (!started) listen();
    started = true;
  }

  function stop(): void {
    on = false;
    queue = [];
    clearTimeout(timer);
    timer = undefined;
    dropWaiting();
    forgetIds();
  }

  const inflow: Inflow = (name, value, extra) => {
    if (name === 'consent' && typeof value === 'boolean' && !refused) {
      store(CONSENT_KEY, value ? '1' : '0');
      if (value) start();
      else stop();
    } else if (name === 'track' && typeof value === 'string' && value) {
      add({ type: 'custom', name: value, properties: cleanProperties(extra) });
    } else if (name === 'identify') {
      const event = identifyEvent(value);
      if (event) add(event, true);
    }
  };
  inflow.t = true;

  function begin(): void {
    window.inflow = inflow;
    const consent = readStored(CONSENT_KEY);
    if (!refused && (consent === '1' || (consent !== '0' && script!.dataset.consent !== 'required'))) start();
    for (const args of stub?.q || []) inflow(...Array.from(args));
  }

  // A prerendered page (speculation rules) counts once the visitor actually opens it.
  if ((document as Document & { prerendering?: boolean }).prerendering) document.addEventListener('prerenderingchange', begin, { once: true });
  else begin();
})();
