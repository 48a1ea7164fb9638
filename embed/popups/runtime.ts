// Pop-ups on a customer's site: `<script src=".../f.js" data-workspace="ID" async>` fetches the
// workspace's active pop-ups, keeps those whose targeting this page view meets and whose
// visitor has not closed or submitted them lately, arms their triggers, and shows one at a
// time around its form. Accessible: the modal is a modal dialog that keeps focus inside until
// it closes (Escape, the close button or the backdrop), then gives focus back; the slide-in and
// the bar are non-modal and never take focus from the page.
import type { LayoutValue, TriggerValue } from '../../src/modules/capture/popups/definition.js';
import { popupView } from '../../src/modules/capture/popups/popup-view.js';
import { capped, deviceOf, scrolledPercent, targets, type Device, type PopupHistory } from '../../src/modules/capture/popups/targeting.js';
import { sendBeacon } from '../forms/beacon.js';
import { toDom } from '../forms/dom.js';
import { visitorId } from '../forms/visitor.js';
import { currentVisit } from './visit.js';

interface PublicPopup {
  id: string;
  form_id: string;
  layout: LayoutValue;
  heading: string | null;
  text: string | null;
  trigger: TriggerValue;
  targeting: Parameters<typeof targets>[0];
  frequency: { days_after_close: number; days_after_submit: number };
}

export interface PopupServices {
  origin: string;
  addStyles: () => void;
  /** Draws the form in `host`; `onDone` runs when a submission is accepted. */
  mountForm: (host: HTMLElement, formId: string, source: string, onDone: () => void) => Promise<void>;
}

const FOCUSABLE = 'a[href],button:not([disabled]),input:not([disabled]):not([type=hidden]),select:not([disabled]),textarea:not([disabled]),[tabindex]';
// The pointer must have been on the page a moment: a cursor passing over the tab strip as the page opens is not leaving.
const EXIT_INTENT_AFTER_MS = 1_000;

const historyKey = (id: string) => `inflow_popup_${id}`;

function historyOf(id: string): PopupHistory {
  try {
    return (JSON.parse(localStorage.getItem(historyKey(id)) ?? '{}') as PopupHistory) ?? {};
  } catch {
    return {};
  }
}

function remember(id: string, change: PopupHistory): void {
  try {
    localStorage.setItem(historyKey(id), JSON.stringify({ ...historyOf(id), ...change }));
  } catch {
    // Without storage the pop-up may show again on the next page: better than never closing.
  }
}

/** Calls `fire` once, when the trigger happens; false when it cannot happen on this device. */
function arm(trigger: TriggerValue, device: Device, fire: () => void): boolean {
  switch (trigger.type) {
    case 'time':
      setTimeout(fire, trigger.seconds * 1000);
      return true;
    case 'scroll': {
      const check = () => {
        const root = document.documentElement;
        if (scrolledPercent(scrollY, innerHeight, root.scrollHeight) < trigger.percent) return;
        removeEventListener('scroll', check);
        fire();
      };
      addEventListener('scroll', check, { passive: true });
      check();
      return true;
    }
    case 'exit_intent': {
      if (device !== 'desktop') return false;
      const since = Date.now();
      const leave = (event: MouseEvent) => {
        if (event.relatedTarget || event.clientY > 0 || Date.now() - since < EXIT_INTENT_AFTER_MS) return;
        document.removeEventListener('mouseout', leave);
        fire();
      };
      document.addEventListener('mouseout', leave);
      return true;
    }
    case 'click':
      // The element is there to open the pop-up: its own action (a link's navigation) gives way.
      document.addEventListener('click', (event) => {
        let hit: Element | null = null;
        try {
          hit = (event.target as Element | null)?.closest?.(trigger.selector) ?? null;
        } catch {
          return;
        }
        if (!hit) return;
        event.preventDefault();
        fire();
      }, true);
      return true;
  }
}

export function startPopups(services: PopupServices, workspaceId: string): void {
  const visit = currentVisit();
  const vid = visitorId(false);
  let showing = false;

  const beacon = (popup: PublicPopup, e: 'impression' | 'close') => {
    const body = new URLSearchParams({ e });
    if (visit.source) body.set('utm_source', visit.source);
    sendBeacon(`${services.origin}/public/popups/${encodeURIComponent(popup.id)}/events`, body);
  };

  async function show(popup: PublicPopup): Promise<void> {
    if (showing) return;
    showing = true;
    services.addStyles();
    const root = toDom(popupView(popup, `inflow-popup-${popup.id.slice(0, 8)}-`), document) as HTMLElement;
    const box = root.querySelector<HTMLElement>('[role=dialog]')!;
    const modal = popup.layout.type === 'modal';
    // The form is drawn before the pop-up enters the page: nothing in it moves once it is seen.
    await services.mountForm(box.querySelector<HTMLElement>('[data-inflow-popup-form]')!, popup.form_id, `popup:${popup.id}`, () => remember(popup.id, { submittedAt: Date.now() }));
    const previous = document.activeElement as HTMLElement | null;
    document.body.append(root);
    beacon(popup, 'impression');

    const focusables = () => [...box.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0);
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && (modal || box.contains(document.activeElement))) {
        event.preventDefault();
        close();
        return;
      }
      if (event.key !== 'Tab' || !modal) return;
      const all = focusables();
      if (all.length === 0) return;
      const first = all[0]!;
      const last = all[all.length - 1]!;
      const inside = box.contains(document.activeElement);
      if (event.shiftKey && (!inside || document.activeElement === first || document.activeElement === box)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (!inside || document.activeElement === last)) {
        event.preventDefault();
        first.focus();
      }
    };
    function close(): void {
      document.removeEventListener('keydown', onKey, true);
      root.remove();
      beacon(popup, 'close');
      remember(popup.id, { closedAt: Date.now() });
      showing = false;
      if (modal && previous?.isConnected) previous.focus();
    }
    document.addEventListener('keydown', onKey, true);
    root.addEventListener('click', (event) => {
      if ((event.target as Element).closest('[data-inflow-popup-close]')) close();
    });
    // Into the modal, on its first question; a slide-in or a bar leaves the page its focus.
    if (modal) (focusables().find((el) => el.matches('input,select,textarea')) ?? box).focus();
  }

  const query = vid ? `?visitor=${vid}` : '';
  fetch(`${services.origin}/public/workspaces/${encodeURIComponent(workspaceId)}/popups${query}`, { credentials: 'omit', headers: { Accept: 'application/json' } })
    .then((answer) => (answer.ok ? (answer.json() as Promise<{ popups?: PublicPopup[] }>) : { popups: [] }))
    .then(({ popups = [] }) => {
      const device = deviceOf(innerWidth, matchMedia('(pointer: coarse)').matches);
      const url = location.href.split('#')[0]!;
      const now = Date.now();
      for (const popup of popups) {
        if (!targets(popup.targeting, { url, device, returning: visit.returning, campaign: visit.campaign })) continue;
        // A click is the visitor asking: it opens the pop-up every time, whatever they did before.
        const asked = popup.trigger.type === 'click';
        if (!asked && capped(popup.frequency, historyOf(popup.id), now)) continue;
        let fired = false;
        arm(popup.trigger, device, () => {
          if (fired && !asked) return;
          fired = true;
          void show(popup);
        });
      }
    })
    .catch(() => undefined);
}
