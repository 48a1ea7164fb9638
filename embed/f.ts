// f.js: renders Inflow forms on any site, and the workspace's pop-ups (embed/popups/). `<script src=".../f.js" data-form="ID" async>` puts
// the form where the script is; `<div data-inflow-form-id="ID">` where the div is. Several forms
// per page; loading the script twice mounts each form once. No inline script or style is ever
// added, so pages with a strict Content-Security-Policy (and Trusted Types) can embed it.
import { formView, type FieldValue, type RenderField, type RenderForm } from '../src/modules/capture/render/form-view.js';
import { progressiveFields } from '../src/modules/capture/progressive.js';
import { randomUuid } from '../src/modules/capture/visitor-id.js';
import css from './f.css';
import { toDom } from './forms/dom.js';
import { sendBeacon } from './forms/beacon.js';
import { visitorId } from './forms/visitor.js';
import { startPopups } from './popups/runtime.js';
import { sendPageView } from './pages/view.js';

interface PublicForm extends RenderForm {
  fields: RenderField[];
  progressive?: { enabled: boolean; queue: RenderField[] };
  min_fill_seconds?: number;
}

// How long a form that profiles progressively waits, once it has arrived, for the answer about
// its visitor (asked at the same time) before it shows its usual fields: swapping fields
// under someone's eyes, or their cursor, would be worse than asking a question again.
const KNOWN_WAIT_MS = 300;

type AfterSubmit = { type: 'message'; message: string } | { type: 'redirect'; url: string } | { type: 'page'; title: string; message: string };

interface Mounted {
  form: PublicForm;
  /** Fields the visitor touched, in order, for the drop-off figures. */
  touched: string[];
  started: boolean;
  reported: boolean;
  host: HTMLElement;
  prefix: string;
  renderedAt: number;
  /** One id from the first attempt until success: a double click or a retry is one submission. */
  sid: string | null;
  /** `page:ID` or `popup:ID`: the Inflow page or pop-up the form is on, posted as `_src`. */
  source: string | null;
  /** Runs when a submission is accepted (a pop-up remembers it). */
  onDone: (() => void) | null;
}

declare global {
  interface Window {
    __inflowForms?: { scan: () => void };
  }
}

const MOUNTED = 'data-inflow-mounted';

(() => {
  if (window.__inflowForms) {
    window.__inflowForms.scan();
    return;
  }
  const script = document.currentScript as HTMLScriptElement | null;
  const origin = script?.src ? new URL(script.src).origin : location.origin;
  const nonce = script?.nonce || '';
  let counter = 0;
  let styled = false;

  function addStyles(): void {
    if (styled) return;
    styled = true;
    // A constructed stylesheet is CSSOM, which style-src does not govern; older browsers get a
    // <style> with the page's nonce, or the stylesheet from Inflow.
    if ('adoptedStyleSheets' in document && 'replaceSync' in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    } else if (nonce) {
      const style = document.createElement('style');
      style.nonce = nonce;
      style.textContent = css;
      document.head.appendChild(style);
    } else {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = `${origin}/f.css`;
      document.head.appendChild(link);
    }
  }

  // Beacons: posted urlencoded (no CORS preflight), and they survive the page being closed.
  function beacon(m: Mounted, fields: Record<string, string>): void {
    sendBeacon(`${origin}/public/forms/${encodeURIComponent(m.form.id)}/events`, new URLSearchParams({ ...fields, _page: location.href.split('#')[0]! }));
  }

  function reportFields(m: Mounted, submitted: boolean): void {
    if (m.reported || m.touched.length === 0) return;
    m.reported = true;
    beacon(m, { e: 'fields', touched: m.touched.join(','), last: m.touched[m.touched.length - 1]!, submitted: submitted ? '1' : '0' });
  }

  function watch(m: Mounted, el: HTMLFormElement): void {
    const onTouch = (event: Event) => {
      const name = (event.target as HTMLInputElement | null)?.name;
      if (!name || name.startsWith('_')) return;
      if (!m.started) {
        m.started = true;
        beacon(m, { e: 'start' });
      }
      if (!m.touched.includes(name)) m.touched.push(name);
    };
    el.addEventListener('focusin', onTouch);
    el.addEventListener('input', onTouch);
  }

  function render(m: Mounted, state: { values?: Record<string, FieldValue>; errors?: Record<string, string>; status?: string }): HTMLFormElement {
    const el = toDom(formView(m.form, { idPrefix: m.prefix, locale: navigator.language || 'en', ...state }), document) as HTMLFormElement;
    m.host.replaceChildren(el);
    el.addEventListener('submit', (event) => {
      event.preventDefault();
      void submit(m, el);
    });
    watch(m, el);
    return el;
  }

  function valuesOf(el: HTMLFormElement): Record<string, FieldValue> {
    const values: Record<string, FieldValue> = {};
    for (const [name, value] of new FormData(el)) {
      if (typeof value !== 'string' || name.startsWith('_')) continue;
      const before = values[name];
      values[name] = before === undefined ? value : [...(Array.isArray(before) ? before : [before as string]), value];
    }
    return values;
  }

  function touch(body: URLSearchParams): void {
    const params = new URLSearchParams(location.search);
    for (const key of ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content']) {
      const value = params.get(key);
      if (value) body.set(`_${key}`, value);
    }
    body.set('_page', location.href.split('#')[0]!);
    body.set('_title', document.title);
    if (document.referrer) body.set('_ref', document.referrer);
  }

  async function submit(m: Mounted, el: HTMLFormElement): Promise<void> {
    const button = el.querySelector<HTMLButtonElement>('button[type=submit]');
    if (button?.disabled) return;
    const values = valuesOf(el);
    const body = new URLSearchParams();
    for (const [name, value] of new FormData(el)) if (typeof value === 'string') body.append(name, value);
    // Every field shown is sent, empty when unanswered (an unticked box sends nothing of its
    // own): the server tells a queue field shown but left empty from one never shown.
    for (const field of m.form.fields) if (!body.has(field.key)) body.set(field.key, '');
    m.sid ??= randomUuid();
    body.set('_sid', m.sid);
    const vid = visitorId(true);
    if (vid) body.set('_vid', vid);
    if (m.source) body.set('_src', m.source);
    body.set('_t', String(Math.round(performance.now() - m.renderedAt)));
    touch(body);
    if (button) button.disabled = true;
    let answer: Response;
    try {
      answer = await fetch(`${origin}/public/forms/${encodeURIComponent(m.form.id)}/submit`, {
        method: 'POST',
        body,
        headers: { Accept: 'application/json' },
        credentials: 'omit',
      });
    } catch {
      focusStatus(render(m, { values, status: 'The form could not be sent: check your connection and try again.' }));
      return;
    }
    const json = (await answer.json().catch(() => null)) as { after_submit?: AfterSubmit; download_url?: string; download_name?: string; errors?: Array<{ field: string; message: string }> } | null;
    if (answer.ok) {
      m.sid = null;
      reportFields(m, true);
      m.onDone?.();
      const after = json?.after_submit;
      if (after?.type === 'redirect') {
        location.assign(after.url);
        return;
      }
      const message = after ? after.message : 'Thank you!';
      const done = document.createElement('p');
      done.className = 'inflow-status inflow-done';
      done.setAttribute('role', 'status');
      done.tabIndex = -1;
      done.textContent = message;
      m.host.replaceChildren(done);
      // The asset the form offers: a link signed for this submitter (only ever an http(s) URL of ours).
      const url = json?.download_url;
      if (url && /^https?:\/\//.test(url)) {
        const link = document.createElement('a');
        link.className = 'inflow-download';
        link.href = url;
        link.textContent = `Download “${json.download_name ?? 'the file'}”`;
        m.host.append(link);
      }
      done.focus();
      return;
    }
    if (answer.status === 400 && json?.errors?.length) {
      const errors: Record<string, string> = {};
      const known = new Set(m.form.fields.map((f) => f.key));
      const general: string[] = [];
      for (const e of json.errors) {
        if (known.has(e.field)) errors[e.field] ??= e.message;
        else general.push(e.message);
      }
      const again = render(m, { values, errors, status: general.join(' ') || 'Please check the fields marked below.' });
      again.querySelector<HTMLElement>('[aria-invalid=true] , fieldset[aria-invalid=true] input')?.focus();
      return;
    }
    const status = answer.status === 429 ? 'Too many attempts: wait a minute and try again.' : 'The form could not be sent: try again in a moment.';
    focusStatus(render(m, { values, status }));
  }

  function focusStatus(el: HTMLFormElement): void {
    const status = el.querySelector<HTMLElement>('.inflow-status');
    if (status) {
      status.tabIndex = -1;
      status.focus();
    }
  }

  function get<T>(path: string): Promise<T> {
    return fetch(`${origin}/public/forms/${path}`, { credentials: 'omit', headers: { Accept: 'application/json' } }).then((answer) => {
      if (!answer.ok) throw new Error(String(answer.status));
      return answer.json() as Promise<T>;
    });
  }

  /** Keys the visitor already answered, asked alongside the form itself: no extra round trip before the form shows. */
  function answered(id: string): Promise<string[]> | null {
    const vid = visitorId(false);
    if (!vid) return null;
    return get<{ answered?: string[] }>(`${encodeURIComponent(id)}/known?visitor=${vid}`).then((known) => known.answered ?? [], () => []);
  }

  async function mount(target: Element, id: string, host: HTMLElement, source: string | null = null, onDone: (() => void) | null = null): Promise<void> {
    target.setAttribute(MOUNTED, '');
    try {
      const known = answered(id);
      const form = await get<PublicForm>(encodeURIComponent(id));
      if (form.progressive?.enabled && known) {
        const keys = await Promise.race([known, new Promise<string[]>((resolve) => setTimeout(resolve, KNOWN_WAIT_MS, []))]);
        form.fields = progressiveFields(form.fields, form.progressive.queue, keys);
      }
      addStyles();
      const m: Mounted = { form, host, prefix: `inflow-${id.slice(0, 8)}-${++counter}-`, renderedAt: 0, sid: null, source, onDone, touched: [], started: false, reported: false };
      render(m, {});
      m.renderedAt = performance.now();
      performance.mark(`inflow:rendered:${id}`);
      beacon(m, { e: 'view' });
      addEventListener('pagehide', () => reportFields(m, false));
    } catch {
      host.textContent = 'This form is not available.';
    }
  }

  function scan(): void {
    for (const el of document.querySelectorAll<HTMLElement>(`script[data-form]:not([${MOUNTED}])`)) {
      const host = document.createElement('div');
      el.after(host);
      void mount(el, el.dataset.form!, host);
    }
    for (const el of document.querySelectorAll<HTMLElement>(`[data-inflow-form-id]:not([${MOUNTED}])`)) {
      void mount(el, el.dataset.inflowFormId!, el, el.dataset.inflowSource ?? null);
    }
  }

  window.__inflowForms = { scan };
  if (script?.dataset.page) sendPageView(origin, script.dataset.page);
  // One line for every pop-up of a workspace: the same script, with data-workspace.
  const workspace = script?.dataset.workspace;
  if (workspace) startPopups({ origin, addStyles, mountForm: (host, formId, source, onDone) => mount(host, formId, host, source, onDone) }, workspace);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
