// A pop-up's shell as a VNode tree: the dialog, its close button, heading and text, and the
// empty place its form goes. Pure: f.js draws it on sites, the dashboard's preview draws the
// same, with the same stylesheet (embed/f.css), so the preview is what visitors get.
import { h, type VNode } from '../render/vnode.js';
import type { LayoutValue } from './definition.js';

export interface PopupViewInput {
  id: string;
  layout: LayoutValue;
  heading: string | null;
  text: string | null;
}

/** The layout's classes: `inflow-popup-modal`, `inflow-popup-slide_in inflow-popup-right`, `inflow-popup-bar inflow-popup-top`… */
export function layoutClasses(layout: LayoutValue): string {
  const place = layout.type === 'slide_in' ? layout.side : layout.type === 'bar' ? layout.edge : 'center';
  return `inflow-popup inflow-popup-${layout.type} inflow-popup-${place}`;
}

/**
 * The pop-up; its form is mounted into `[data-inflow-popup-form]`. The modal is a modal dialog
 * (the runtime keeps focus inside); the slide-in and the bar are non-modal dialogs that leave
 * the page usable. Named by its heading, or "Sign up" without one.
 */
export function popupView(popup: PopupViewInput, idPrefix: string): VNode {
  const modal = popup.layout.type === 'modal';
  const headingId = `${idPrefix}heading`;
  return h('div', { class: layoutClasses(popup.layout), 'data-inflow-popup': popup.id },
    modal ? h('div', { class: 'inflow-popup-backdrop', 'data-inflow-popup-close': '' }) : null,
    h('div', {
      class: 'inflow-popup-box',
      role: 'dialog',
      'aria-modal': modal ? 'true' : null,
      'aria-labelledby': popup.heading ? headingId : null,
      'aria-label': popup.heading ? null : 'Sign up',
      tabindex: '-1',
    },
      // A character, not an SVG: f.js builds with createElement, which makes no SVG elements.
      h('button', { type: 'button', class: 'inflow-popup-close', 'aria-label': 'Close', 'data-inflow-popup-close': '' }, h('span', { 'aria-hidden': 'true' }, '×')),
      h('div', { class: 'inflow-popup-body' },
        popup.heading || popup.text
          ? h('div', { class: 'inflow-popup-intro' },
            popup.heading ? h('h2', { id: headingId, class: 'inflow-popup-heading' }, popup.heading) : null,
            popup.text ? h('p', { class: 'inflow-popup-text' }, popup.text) : null)
          : null,
        h('div', { class: 'inflow-popup-form', 'data-inflow-popup-form': '' }))));
}
