import { useEffect, useRef } from 'react';
import { formView } from '../../../../src/modules/capture/render/form-view';
import { toDom } from '../../../../embed/forms/dom';
import css from '../../../../embed/f.css?raw';
import type { FormDefinition } from '../../api/forms';

let sheet: CSSStyleSheet | null = null;

/** The builder's marks over the form: the field being edited, and fields that open on a click. */
function marks(highlight: string | undefined, clickable: boolean): string {
  return [
    clickable ? '[data-field] { cursor: pointer; }' : '',
    highlight ? `[data-field="${CSS.escape(highlight)}"] { outline: 2px solid #4c4ddc66; outline-offset: 6px; border-radius: 4px; }` : '',
  ].join('\n');
}

/**
 * The form exactly as sites show it: f.js's renderer and stylesheet, in a shadow root so the
 * dashboard's styles and the form's do not meet. Submitting does nothing here; a click on a
 * field names it (the builder opens its editor), and `highlight` marks one.
 */
export function FormPreview({ id, definition, onFieldClick, highlight }: { id: string; definition: FormDefinition; onFieldClick?: (key: string) => void; highlight?: string | undefined }) {
  const host = useRef<HTMLDivElement>(null);
  const clicked = useRef(onFieldClick);
  clicked.current = onFieldClick;
  const marked = useRef<CSSStyleSheet | null>(null);
  const clickable = !!onFieldClick;
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    root.adoptedStyleSheets = [sheet];
    const form = toDom(
      formView({ id, version: 0, fields: definition.fields, submit_label: definition.settings.submit_label }, { idPrefix: 'preview-', locale: navigator.language || 'en' }),
      document,
    );
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('click', (event) => {
      const key = (event.target as Element).closest('[data-field]')?.getAttribute('data-field');
      if (key) clicked.current?.(key);
    });
    root.replaceChildren(form);
  }, [id, definition]);
  // After the form is drawn (effects run in order), whose sheets it resets.
  useEffect(() => {
    const root = host.current?.shadowRoot;
    if (!root) return;
    marked.current ??= new CSSStyleSheet();
    marked.current.replaceSync(marks(highlight, clickable));
    root.adoptedStyleSheets = [sheet!, marked.current];
  }, [highlight, clickable, definition]);
  return <div ref={host} aria-label="Form preview" role="region" />;
}
