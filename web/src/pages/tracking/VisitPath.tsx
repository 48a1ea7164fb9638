import { Badge, Group, Paper, Stack, Text, Timeline } from '@mantine/core';
import type { VisitSession } from '../../api/tracking';
import { formatDateTime } from '../../format';
import { sourceLine } from './channels';
import { durationText, EVENT_TYPE_LABELS, eventDetail } from './event-words';

/** One visit: where it came from, on which device, how long, and each event in order. */
export function VisitPath({ visit, beforeConversion }: { visit: VisitSession; beforeConversion?: boolean }) {
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text fw={600} fz="sm">
              {formatDateTime(String(visit.started_at))} · {sourceLine(visit)}
            </Text>
            <Text fz="xs" c="dimmed">
              {[visit.device, visit.browser, visit.os].filter(Boolean).join(', ')} · {visit.page_views} {visit.page_views === 1 ? 'page' : 'pages'} · {durationText(visit.duration_ms)}
              {visit.referrer ? ` · from ${visit.referrer}` : ''}
            </Text>
          </div>
          {beforeConversion && (
            <Badge variant="light" color="gray">
              Before converting
            </Badge>
          )}
        </Group>
        <Timeline bulletSize={10} lineWidth={2} active={-1}>
          {visit.path.map((e) => (
            <Timeline.Item key={e.id} title={<Text fz="sm">{EVENT_TYPE_LABELS[e.type]}</Text>}>
              <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {new Date(String(e.occurred_at)).toLocaleTimeString()} · {eventDetail(e)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
        {visit.more_events && (
          <Text fz="xs" c="dimmed">
            Only the first 100 events of this visit are shown.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
