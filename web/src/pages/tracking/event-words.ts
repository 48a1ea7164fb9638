import type { TrackedEvent } from '../../api/tracking';

export const EVENT_TYPE_LABELS: Record<TrackedEvent['type'], string> = {
  page_view: 'Page view',
  engagement: 'Time on page',
  click: 'Outbound click',
  download: 'Download',
  custom: 'Custom event',
  identify: 'Identified',
};

export const durationText = (ms: number) => (ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`);

/** What an event says, in one line: the page's title or path, the link, the custom event's name and properties, the time spent. */
export function eventDetail(event: Pick<TrackedEvent, 'type' | 'name' | 'title' | 'path' | 'url' | 'target' | 'duration_ms' | 'properties'>): string {
  switch (event.type) {
    case 'page_view':
      return event.title ? `${event.title} (${event.path ?? event.url ?? ''})` : (event.path ?? event.url ?? '');
    case 'engagement':
      return `${durationText(event.duration_ms ?? 0)} on ${event.path ?? event.url ?? 'the page'}`;
    case 'click':
    case 'download':
      return event.target ?? '';
    case 'custom': {
      const props = Object.entries(event.properties ?? {}).map(([k, v]) => `${k}: ${String(v)}`).join(', ');
      return props ? `${event.name ?? ''} (${props})` : (event.name ?? '');
    }
    case 'identify':
      return 'The visitor was identified';
  }
}

