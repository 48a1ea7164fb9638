/** The origin links and snippets point to: PUBLIC_URL, or without it the one this request came to. */
export function baseUrlOf(request: { protocol: string; host: string }, publicUrl: string | null): string {
  return (publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');
}
