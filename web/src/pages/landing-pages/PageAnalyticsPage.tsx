import { SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { pageAnalyticsQueries, type PageAnalytics } from '../../api/page-analytics';
import { useWorkspace } from '../../auth/workspace-context';
import { BackLink } from '../../components/BackLink';
import { FigureCard } from '../../components/FigureCard';
import { FiguresTable, type FigureColumn } from '../../components/FiguresTable';
import { PageContainer } from '../../components/PageContainer';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatRate } from '../../format';

type Row = PageAnalytics['totals'] & { key: string; name: string };

const COLUMNS: FigureColumn<Row>[] = [
  { label: 'Visitors', value: (r) => r.visitors.toLocaleString() },
  { label: 'Views', value: (r) => r.views.toLocaleString() },
  { label: 'Submissions', value: (r) => r.submissions.toLocaleString() },
  { label: 'Conversion', value: (r) => formatRate(r.conversion_rate) },
];

function Figures({ data }: { data: PageAnalytics }) {
  const { totals, by_day, by_source } = data;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <FigureCard label="Visitors" value={totals.visitors.toLocaleString()} />
        <FigureCard label="Views" value={totals.views.toLocaleString()} />
        <FigureCard label="Submissions" value={totals.submissions.toLocaleString()} />
        <FigureCard label="Conversion" value={formatRate(totals.conversion_rate)} />
      </SimpleGrid>
      <Text fz="xs" c="dimmed">
        The last 30 days ({data.from} to {data.to}). Visitors are counted once each, however often they come back; conversion is submissions over visitors. Visits from browsers with JavaScript or storage turned off are not counted.
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <FiguresTable label="By UTM source" first="Source" columns={COLUMNS} empty="No visits yet." rows={by_source.map((s) => ({ ...s, key: s.utm_source ?? '', name: s.utm_source ?? 'None (direct or untagged)' }))} />
        <FiguresTable label="By day" first="Day" columns={COLUMNS} empty="No visits yet." rows={[...by_day].reverse().map((d) => ({ ...d, key: d.day, name: d.day }))} />
      </SimpleGrid>
    </Stack>
  );
}

/** A landing page's last 30 days: visitors, views, submissions and conversion, by UTM source and by day. */
export function PageAnalyticsPage() {
  const { slug } = useWorkspace();
  const { id = '' } = useParams();
  const page = useQuery(pageAnalyticsQueries.page(slug, id));
  const analytics = useQuery(pageAnalyticsQueries.analytics(slug, id));
  const error = page.error ?? analytics.error;
  return (
    <PageContainer>
      <Stack gap="md">
        <BackLink to={`/w/${slug}/pages`}>Landing pages</BackLink>
        <PageHeader title={page.data ? `${page.data.name}: conversion` : 'Conversion'} description="How many people saw this page, and how many of them filled in its form." />
        {error ? <QueryError error={error} onRetry={() => void Promise.all([page.refetch(), analytics.refetch()])} /> : analytics.data ? <Figures data={analytics.data} /> : <Skeleton h={240} />}
      </Stack>
    </PageContainer>
  );
}
