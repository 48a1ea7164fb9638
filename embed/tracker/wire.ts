// What t.js posts to `POST /public/events`: one batch, JSON sent as text/plain so that no CORS
// preflight is needed. `at` and `sent_at` are the browser's clock in epoch milliseconds; the
// server corrects the skew with `sent_at`, the moment the batch left.

export type Properties = Record<string, string | number | boolean>;

export interface Traits {
  first_name?: string;
  last_name?: string;
  company?: string;
  phone?: string;
}

/** An event without the time and page every event carries. */
export type EventBody =
  | { type: 'page_view'; title: string; referrer: string | null }
  | { type: 'engagement'; duration_ms: number }
  | { type: 'click' | 'download'; target: string }
  | { type: 'custom'; name: string; properties: Properties }
  | { type: 'identify'; email: string; token: string; traits: Traits }
  | { type: 'identify'; contact_token: string };

export type TrackerEvent = EventBody & { at: number; url: string };

export interface Batch {
  workspace_id: string;
  visitor_id: string;
  session_id: string;
  sent_at: number;
  events: TrackerEvent[];
}
