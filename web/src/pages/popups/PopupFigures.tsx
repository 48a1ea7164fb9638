import { Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { popupQueries } from '../../api/popups';
import { useWorkspace } from '../../auth/workspace-context';
import { FigureCard } from '../../components/FigureCard';
import { QueryError } from '../../components/QueryError';
import { formatRate } from '../../format';

function FiguresTable({ label, first, rows, empty }: { label: string; first: string; rows: Array<{ key: string; name: string; impressions: number; closes: number; submissions: number; rate?: number | null }>; empty: string }) {
  return (
    <Stack gap="xs">
      <Title order={4} fz="sm">
        {label}
      </Title>
      <Paper withBorder style={{ overflow: 'hidden' }}>
        <Table verticalSpacing="xs" aria-label={label}>
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th>{first}</Table.Th>
              <Table.Th ta="right">Impressions</Table.Th>
              <Table.Th ta="right">Closes</Table.Th>
              <Table.Th ta="right">Submissions</Table.Th>
              {rows.some((r) => r.rate !== undefined) && <Table.Th ta="right">Conversion</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text fz="sm" c="dimmed">
                    {empty}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td ta="right">{r.impressions.toLocaleString()}</Table.Td>
                <Table.Td ta="right">{r.closes.toLocaleString()}</Table.Td>
                <Table.Td ta="right">{r.submissions.toLocaleString()}</Table.Td>
                {r.rate !== undefined && <Table.Td ta="right">{formatRate(r.rate)}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}

/** The last 30 days of a pop-up: how often it opened, was closed and converted; by day and by the visit's UTM source. */
export function PopupFigures({ id }: { id: string }) {
  const { slug } = useWorkspace();
  const analytics = useQuery(popupQueries.analytics(slug, id));
  if (analytics.isError) return <QueryError error={analytics.error} onRetry={() => void analytics.refetch()} />;
  if (!analytics.data) return <Skeleton h={240} />;
  const { totals, by_day, by_source } = analytics.data;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <FigureCard label="Impressions" value={totals.impressions.toLocaleString()} />
        <FigureCard label="Closes" value={totals.closes.toLocaleString()} />
        <FigureCard label="Submissions" value={totals.submissions.toLocaleString()} />
        <FigureCard label="Conversion" value={formatRate(totals.conversion_rate)} />
      </SimpleGrid>
      <Text fz="xs" c="dimmed">
        The last 30 days ({analytics.data.from} to {analytics.data.to}). An impression is the pop-up opening for a visitor; conversion is submissions over impressions.
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <FiguresTable label="By UTM source" first="Source" empty="No impressions yet." rows={by_source.map((s) => ({ key: s.utm_source ?? '', name: s.utm_source ?? 'None (direct or untagged)', impressions: s.impressions, closes: s.closes, submissions: s.submissions, rate: s.conversion_rate }))} />
        <FiguresTable label="By day" first="Day" empty="No impressions yet." rows={[...by_day].reverse().map((d) => ({ key: d.day, name: d.day, ...d }))} />
      </SimpleGrid>
    </Stack>
  );
}
