import type { FieldError } from '../../errors.js';

/**
 * The page a form posted without JavaScript gets back when a value is wrong. A seam for WP-2,
 * whose renderer (capture/render/) re-renders the form with the values kept and each error
 * under its field; until then, the errors in an escaped page with a way back. Nothing from the
 * query string or the Referer is written into it.
 */
export function renderHostedErrors(input: { formName: string; errors: readonly FieldError[]; hostedUrl: string }): string {
  const items = input.errors.map((e) => `<li><strong>${escapeHtml(e.field)}</strong> ${escapeHtml(e.message)}</li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(input.formName)}</title></head>` +
    `<body><main><h1>${escapeHtml(input.formName)}</h1><p>Some answers need another look:</p><ul>${items}</ul>` +
    `<p><a href="${escapeHtml(input.hostedUrl)}">Back to the form</a></p></main></body></html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
