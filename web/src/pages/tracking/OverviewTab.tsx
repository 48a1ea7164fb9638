import { Anchor, Badge, Group, Paper, SegmentedControl, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { trackingQueries, type LiveVisitors } from '../../api/tracking';
import { useWorkspace } from '../../auth/workspace-context';
import { FigureCard } from '../../components/FigureCard';
import { FiguresTable } from '../../components/FiguresTable';
import { QueryError } from '../../components/QueryError';
import { formatRelative } from '../../format';
import { channelLabel, sourceLine } from './channels';

const ChannelChart = lazy(() => import('./ChannelChart'));

function LiveNow({ data }: { data: LiveVisitors }) {
  const { slug } = useWorkspace();
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Title order={4} fz="sm">
          On the site now
        </Title>
        <Badge color={data.visitors_now > 0 ? 'teal' : 'gray'} variant="light">
          {data.visitors_now.toLocaleString()} {data.visitors_now === 1 ? 'visitor' : 'visitors'}
        </Badge>
        <Text fz="xs" c="dimmed">
          seen in the last {data.window_minutes} minutes, refreshed every 10 seconds
        </Text>
      </Group>
      <Paper withBorder style={{ overflow: 'hidden' }}>
        <Table verticalSpacing="xs" aria-label="Visitors on the site now">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th>Visitor</Table.Th>
              <Table.Th>Now on</Table.Th>
              <Table.Th>Came from</Table.Th>
              <Table.Th ta="right">Pages</Table.Th>
              <Table.Th ta="right">Last seen</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.visitors.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text fz="sm" c="dimmed">
                    Nobody right now. Visitors show here as soon as a page with the tracking snippet is opened.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {data.visitors.map((v) => (
              <Table.Tr key={v.visitor_id}>
                <Table.Td>
                  {v.contact_id ? (
                    <Anchor component={Link} to={`/w/${slug}/contacts/${v.contact_id}`} fz="sm">
                      {v.contact_name ?? 'A contact'}
                    </Anchor>
                  ) : (
                    <Anchor component={Link} to={`/w/${slug}/tracking/visitors/${v.visitor_id}`} fz="sm">
                      Anonymous {v.device ?? ''}
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td style={{ maxWidth: 320, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={v.current_url ?? ''}>
                  {v.current_url ?? '—'}
                </Table.Td>
                <Table.Td>{sourceLine(v)}</Table.Td>
                <Table.Td ta="right">{v.page_views}</Table.Td>
                <Table.Td ta="right">{formatRelative(String(v.last_seen_at))}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}

/** The tracking overview: visitors now, visits and leads by channel over the last 30 days, the most viewed pages. */
export function OverviewTab() {
  const { slug } = useWorkspace();
  const live = useQuery(trackingQueries.live(slug));
  const channels = useQuery(trackingQueries.channels(slug));
  const pages = useQuery(trackingQueries.pages(slug));
  const [measure, setMeasure] = useState<'visits' | 'leads'>('visits');
  const error = live.error ?? channels.error ?? pages.error;
  if (error) return <QueryError error={error} onRetry={() => void Promise.all([live.refetch(), channels.refetch(), pages.refetch()])} />;
  const totals = channels.data?.totals ?? [];
  const visits = totals.reduce((sum, t) => sum + t.visits, 0);
  const leads = totals.reduce((sum, t) => sum + t.leads, 0);
  return (
    <Stack gap="lg">
      {live.data ? <LiveNow data={live.data} /> : <Skeleton h={120} />}
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <FigureCard label="Visits, 30 days" value={visits.toLocaleString()} />
        <FigureCard label="New leads, 30 days" value={leads.toLocaleString()} />
        <FigureCard label="Visits per lead" value={leads ? (visits / leads).toFixed(1) : '—'} />
        <FigureCard label="Top channel" value={totals[0] ? channelLabel(totals[0].channel) : '—'} />
      </SimpleGrid>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={4} fz="sm">
              {measure === 'visits' ? 'Visits' : 'New leads'} by channel
            </Title>
            <SegmentedControl size="xs" value={measure} onChange={(v) => setMeasure(v as 'visits' | 'leads')} data={[{ value: 'visits', label: 'Visits' }, { value: 'leads', label: 'Leads' }]} />
          </Group>
          <Text fz="xs" c="dimmed">
            A lead counts on the day it converted, under the channel of its first visit.
          </Text>
          {channels.data ? (
            <Suspense fallback={<Skeleton h={280} />}>
              <ChannelChart data={channels.data} measure={measure} />
            </Suspense>
          ) : (
            <Skeleton h={280} />
          )}
        </Stack>
      </Paper>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <FiguresTable
          label="Channels, last 30 days"
          first="Channel"
          empty="No visits yet."
          columns={[
            { label: 'Visits', value: (r) => r.visits.toLocaleString() },
            { label: 'Leads', value: (r) => r.leads.toLocaleString() },
          ]}
          rows={totals.map((t) => ({ ...t, key: t.channel, name: channelLabel(t.channel) }))}
        />
        <FiguresTable
          label="Most viewed pages, last 30 days"
          first="Page"
          empty="No page views yet."
          columns={[
            { label: 'Views', value: (r) => r.views.toLocaleString() },
            { label: 'Visitors', value: (r) => r.visitors.toLocaleString() },
          ]}
          rows={(pages.data?.pages ?? []).map((p) => ({ ...p, key: p.path, name: p.path || '(no path)' }))}
        />
      </SimpleGrid>
    </Stack>
  );
}
