import { Anchor, Badge, Button, Group, Paper, Select, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { trackingQueries, type EventFilter } from '../../api/tracking';
import { useWorkspace } from '../../auth/workspace-context';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../format';
import { CHANNEL_LOOK, CHANNEL_ORDER, channelLabel } from './channels';
import { EVENT_TYPE_LABELS, eventDetail } from './event-words';

const FILTER_KEYS = ['type', 'name', 'url', 'channel', 'campaign', 'from', 'to', 'visitor_id', 'contact_id'] as const;

function filterOf(params: URLSearchParams): EventFilter {
  const filter: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  return filter as EventFilter;
}

/** The event explorer: every tracked event, newest first, filtered by what the URL's query says (so a filtered view can be shared). */
export function EventsTab() {
  const { slug } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const [draft, setDraft] = useState<Record<string, string>>(filter as Record<string, string>);
  const events = useInfiniteQuery(trackingQueries.events(slug, filter));
  const apply = (next: Record<string, string>) => setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)));
  const rows = events.data?.pages.flatMap((p) => p.data) ?? [];
  const set = (key: string) => (value: string | null) => setDraft((d) => ({ ...d, [key]: value ?? '' }));

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            apply(draft);
          }}
        >
          <Group align="flex-end" gap="sm">
            <Select label="Event" placeholder="Any" clearable w={160} value={draft.type ?? null} onChange={set('type')} data={Object.entries(EVENT_TYPE_LABELS).map(([value, label]) => ({ value, label }))} />
            <TextInput label="Custom event name" placeholder="signup_started" w={170} value={draft.name ?? ''} onChange={(e) => set('name')(e.currentTarget.value)} />
            <TextInput label="URL contains" placeholder="/pricing" w={170} value={draft.url ?? ''} onChange={(e) => set('url')(e.currentTarget.value)} />
            <Select label="Channel" placeholder="Any" clearable w={160} value={draft.channel ?? null} onChange={set('channel')} data={CHANNEL_ORDER.map((c) => ({ value: c, label: CHANNEL_LOOK[c].label }))} />
            <TextInput label="Campaign" placeholder="utm_campaign" w={150} value={draft.campaign ?? ''} onChange={(e) => set('campaign')(e.currentTarget.value)} />
            <TextInput label="From" type="date" w={150} value={draft.from ?? ''} onChange={(e) => set('from')(e.currentTarget.value)} />
            <TextInput label="To" type="date" w={150} value={draft.to ?? ''} onChange={(e) => set('to')(e.currentTarget.value)} />
            <Button type="submit">Filter</Button>
            {params.size > 0 && (
              <Button
                variant="subtle"
                onClick={() => {
                  setDraft({});
                  apply({});
                }}
              >
                Clear
              </Button>
            )}
          </Group>
        </form>
        {(filter.visitor_id || filter.contact_id) && (
          <Text fz="xs" c="dimmed" mt="xs">
            Only the events of one {filter.contact_id ? 'contact' : 'visitor'}.
          </Text>
        )}
      </Paper>
      {events.error ? (
        <QueryError error={events.error} onRetry={() => void events.refetch()} />
      ) : !events.data ? (
        <Skeleton h={300} />
      ) : (
        <Paper withBorder style={{ overflow: 'hidden' }}>
          <Table verticalSpacing="xs" aria-label="Tracked events">
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Event</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th>Visit from</Table.Th>
                <Table.Th>Who</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text fz="sm" c="dimmed">
                      {params.size > 0 ? 'No event matches these filters.' : 'No events yet. Install the snippet (Set-up tab) and open a page of your site.'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {rows.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(String(e.occurred_at))}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={e.type === 'custom' ? 'violet' : e.type === 'page_view' ? 'blue' : 'gray'}>
                      {EVENT_TYPE_LABELS[e.type]}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ maxWidth: 420, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={e.url ?? ''}>
                    {eventDetail(e)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {channelLabel(e.channel)}
                    {e.campaign ? ` · ${e.campaign}` : ''}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {e.contact_id ? (
                      <Anchor component={Link} to={`/w/${slug}/contacts/${e.contact_id}`} fz="sm">
                        Contact
                      </Anchor>
                    ) : (
                      <Anchor component={Link} to={`/w/${slug}/tracking/visitors/${e.visitor_id}`} fz="sm">
                        Visitor {e.visitor_id.slice(0, 8)}
                      </Anchor>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <LoadMore hasMore={events.hasNextPage} loading={events.isFetchingNextPage} onLoad={() => void events.fetchNextPage()}>
            <Text fz="xs" c="dimmed">
              {rows.length.toLocaleString()} {rows.length === 1 ? 'event' : 'events'}
            </Text>
          </LoadMore>
        </Paper>
      )}
    </Stack>
  );
}
