/** Posts a beacon urlencoded (no CORS preflight) in a way that survives the page being closed. */
export function sendBeacon(url: string, body: URLSearchParams): void {
  if (!navigator.sendBeacon?.(url, body)) void fetch(url, { method: 'POST', body, credentials: 'omit', keepalive: true }).catch(() => undefined);
}
