// Whole pages Inflow serves for a form: the hosted form (`/f/:id`, also shown again with the
// values and errors when a post without JavaScript is refused) and the thank-you page. Bare
// pages: the form, its name, and the stylesheet sites get, with nothing from the request's
// query string or Referer in them.
import { formView, type FormState, type RenderForm } from './form-view.js';
import { escapeHtml, renderHtml } from './html.js';

/** The Content-Security-Policy of these pages: no script at all, styles from Inflow only. */
export function hostedPagePolicy(): string {
  return [
    "default-src 'none'",
    "style-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A bare hosted page around `body` (HTML the caller escaped): the frame every page here shares. */
export function hostedDocument(title: string, body: string, cssHref: string): string {
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<meta name="robots" content="noindex">' +
    `<title>${escapeHtml(title)}</title><link rel="stylesheet" href="${escapeHtml(cssHref)}"></head>` +
    `<body class="inflow-page"><main class="inflow-page-main">${body}</main></body></html>`
  );
}

export function hostedFormDocument(input: { title: string; form: RenderForm; state: FormState; cssHref: string }): string {
  return hostedDocument(input.title, `<h1>${escapeHtml(input.title)}</h1>${renderHtml(formView(input.form, input.state))}`, input.cssHref);
}

/** The thank-you page; with the download of the asset the form offers, when it offers one. */
export function thanksDocument(input: { title: string; message: string; cssHref: string; download?: { url: string; name: string } | null }): string {
  const download = input.download
    ? `<p><a class="inflow-download" href="${escapeHtml(input.download.url)}" download>Download ${escapeHtml(`“${input.download.name}”`)}</a></p>`
    : '';
  return hostedDocument(input.title, `<h1>${escapeHtml(input.title)}</h1><p class="inflow-thanks" role="status">${escapeHtml(input.message)}</p>${download}`, input.cssHref);
}
