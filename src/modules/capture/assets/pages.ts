// The hosted pages a download link can land on instead of the file: no script, nothing from
// the request but the token, escaped, in a hidden field.
import { hostedDocument } from '../render/hosted-document.js';
import { escapeHtml } from '../render/html.js';

const CSS = '/f.css';

/** 410: the link was ours but its time is up; one click mails a fresh one. */
export function expiredLinkDocument(token: string): string {
  return hostedDocument(
    'This download link has expired',
    '<h1>This download link has expired</h1>' +
      '<p>Links to downloads work for a limited time. We can email a fresh link to the address this one was sent to.</p>' +
      '<form class="inflow-form" method="post" action="/public/assets/resend">' +
      `<input type="hidden" name="token" value="${escapeHtml(token)}">` +
      '<button type="submit" class="inflow-submit">Email me a fresh link</button></form>',
    CSS,
  );
}

/** What a resend answers, whatever happened: it never tells whether the link or the person exists. */
export function linkResentDocument(): string {
  return hostedDocument(
    'Check your inbox',
    '<h1>Check your inbox</h1><p class="inflow-thanks" role="status">If that link was one of ours, a fresh one is on its way to the address it was sent to. It can take a few minutes to arrive.</p>',
    CSS,
  );
}

/** 404: a link that is not one of ours, or whose file is gone. */
export function unknownLinkDocument(): string {
  return hostedDocument('Download not found', '<h1>Download not found</h1><p>This link is not valid, or the file it led to was removed.</p>', CSS);
}
