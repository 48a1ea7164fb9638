import { Box, Center, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { popupView } from '../../../../src/modules/capture/popups/popup-view';
import { formView } from '../../../../src/modules/capture/render/form-view';
import { toDom } from '../../../../embed/forms/dom';
import css from '../../../../embed/f.css?raw';
import type { PublicFormView } from '../../api/forms';
import type { PopupSettings } from '../../api/popups';

export const PREVIEW_SIZES = { desktop: { width: 1200, height: 760 }, mobile: { width: 390, height: 760 } } as const;

// A made-up article for the pop-up to sit on: grey lines, not a real site.
const MOCK_CSS = `
body { margin: 0; font-family: system-ui, sans-serif; background: #fff; }
.mock-top { height: 56px; background: #f1f3f5; border-bottom: 1px solid #e3e6ea; display: flex; align-items: center; gap: 16px; padding: 0 24px; }
.mock-logo { width: 96px; height: 18px; border-radius: 4px; background: #ced4da; }
.mock-link { width: 56px; height: 10px; border-radius: 4px; background: #dee2e6; }
.mock-article { max-width: 720px; margin: 40px auto; padding: 0 24px; display: grid; gap: 14px; }
.mock-title { height: 30px; width: 70%; border-radius: 6px; background: #dee2e6; }
.mock-image { height: 220px; border-radius: 10px; background: #e9ecef; }
.mock-line { height: 12px; border-radius: 4px; background: #eef0f2; }
.mock-line:nth-child(3n) { width: 86%; }
`;

function mockPage(doc: Document): HTMLElement {
  const el = (cls: string, children: HTMLElement[] = []) => {
    const node = doc.createElement('div');
    node.className = cls;
    node.append(...children);
    return node;
  };
  return el('mock', [
    el('mock-top', [el('mock-logo'), el('mock-link'), el('mock-link'), el('mock-link')]),
    el('mock-article', [el('mock-title'), el('mock-image'), ...Array.from({ length: 12 }, () => el('mock-line'))]),
  ]);
}

/**
 * The pop-up over a made-up page, drawn by f.js's own view and stylesheet in a frame of the
 * chosen width (so a phone's layout is the phone's), scaled to fit. No script runs in it: the
 * styles are a constructed sheet, which the dashboard's CSP allows.
 */
export function PopupPreview({ settings, form, size }: { settings: PopupSettings; form: PublicFormView | null; size: keyof typeof PREVIEW_SIZES }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const { ref: box, width: available } = useElementSize();
  const { width, height } = PREVIEW_SIZES[size];
  const scale = available > 0 ? Math.min(1, available / width) : 1;

  useEffect(() => {
    const win = frame.current?.contentWindow;
    const doc = frame.current?.contentDocument;
    if (!win || !doc) return;
    // The frame's own constructor: a sheet belongs to the document that made it.
    const sheet = new (win as Window & typeof globalThis).CSSStyleSheet();
    sheet.replaceSync(css + MOCK_CSS);
    doc.adoptedStyleSheets = [sheet];
    const popup = toDom(popupView({ id: 'preview', layout: settings.layout, heading: settings.heading, text: settings.text }, 'preview-'), doc) as HTMLElement;
    const place = popup.querySelector('[data-inflow-popup-form]');
    if (form) {
      const drawn = toDom(formView(form, { idPrefix: 'preview-form-', locale: navigator.language || 'en' }), doc);
      drawn.addEventListener('submit', (event) => event.preventDefault());
      place?.append(drawn);
    } else if (place) {
      const note = doc.createElement('p');
      note.className = 'inflow-popup-text';
      note.textContent = 'Choose a published form: it shows here.';
      place.append(note);
    }
    doc.body.replaceChildren(mockPage(doc), popup);
  }, [settings, form, size]);

  return (
    <Box ref={box} w="100%">
      <Center>
        <Box style={{ width: width * scale, height: height * scale, overflow: 'hidden', borderRadius: 10, border: '1px solid var(--mantine-color-gray-3)', boxShadow: 'var(--mantine-shadow-sm)' }}>
          <iframe
            ref={frame}
            title={`Pop-up preview (${size})`}
            style={{ width, height, border: 0, transform: `scale(${scale})`, transformOrigin: '0 0', display: 'block' }}
          />
        </Box>
      </Center>
      <Text ta="center" fz="xs" c="dimmed" mt={6}>
        {size === 'desktop' ? 'A laptop screen' : 'A phone'} · the buttons do nothing here
      </Text>
    </Box>
  );
}
