import { SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { popupQueries } from '../../api/popups';
import { useWorkspace } from '../../auth/workspace-context';
import { FigureCard } from '../../components/FigureCard';
import { FiguresTable, type FigureColumn } from '../../components/FiguresTable';
import { QueryError } from '../../components/QueryError';
import { formatRate } from '../../format';

type Row = { key: string; name: string; impressions: number; closes: number; submissions: number; conversion_rate?: number | null };

const COUNTS: FigureColumn<Row>[] = [
  { label: 'Impressions', value: (r) => r.impressions.toLocaleString() },
  { label: 'Closes', value: (r) => r.closes.toLocaleString() },
  { label: 'Submissions', value: (r) => r.submissions.toLocaleString() },
];
const WITH_RATE: FigureColumn<Row>[] = [...COUNTS, { label: 'Conversion', value: (r) => formatRate(r.conversion_rate ?? null) }];

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
        <FiguresTable label="By UTM source" first="Source" columns={WITH_RATE} empty="No impressions yet." rows={by_source.map((s) => ({ ...s, key: s.utm_source ?? '', name: s.utm_source ?? 'None (direct or untagged)' }))} />
        <FiguresTable label="By day" first="Day" columns={COUNTS} empty="No impressions yet." rows={[...by_day].reverse().map((d) => ({ ...d, key: d.day, name: d.day }))} />
      </SimpleGrid>
    </Stack>
  );
}
