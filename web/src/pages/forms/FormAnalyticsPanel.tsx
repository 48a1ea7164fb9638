import { Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formQueries, type Form } from '../../api/forms';
import { useWorkspace } from '../../auth/workspace-context';
import { FigureCard } from '../../components/FigureCard';
import { QueryError } from '../../components/QueryError';
import { formatRate } from '../../format';

/** The last 30 days of a form: how many saw it, began it, sent it; on which pages; where people gave up. */
export function FormAnalyticsPanel({ form }: { form: Form }) {
  const { slug } = useWorkspace();
  const analytics = useQuery(formQueries.analytics(slug, form.id));
  if (analytics.isError) return <QueryError error={analytics.error} onRetry={() => void analytics.refetch()} />;
  if (!analytics.data) return <Skeleton h={240} />;
  const { totals, by_page, fields } = analytics.data;
  const labels = new Map([...form.draft.fields, ...form.draft.progressive.queue].map((f) => [f.key, f.label]));
  const order = [...labels.keys()];
  const byField = [...fields].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        <FigureCard label="Views" value={totals.views.toLocaleString()} />
        <FigureCard label="Starts" value={totals.starts.toLocaleString()} />
        <FigureCard label="Submissions" value={totals.submissions.toLocaleString()} />
        <FigureCard label="Conversion" value={formatRate(totals.conversion_rate)} />
        <FigureCard label="Spam blocked" value={totals.spam.toLocaleString()} />
      </SimpleGrid>
      <Text fz="xs" c="dimmed">
        The last 30 days ({analytics.data.from} to {analytics.data.to}). Views and starts are counted by f.js and the hosted page; conversion is submissions over views.
      </Text>
      <Stack gap="lg">
        <Stack gap="xs">
          <Title order={4} fz="sm">
            By page
          </Title>
          <Paper withBorder style={{ overflow: 'hidden' }}>
            <Table verticalSpacing="xs" aria-label="By page">
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>Page</Table.Th>
                  <Table.Th ta="right">Views</Table.Th>
                  <Table.Th ta="right">Submissions</Table.Th>
                  <Table.Th ta="right">Conversion</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {by_page.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={4}>
                      <Text fz="sm" c="dimmed">
                        No visits yet.
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {by_page.map((p) => (
                  <Table.Tr key={p.url ?? 'hosted'}>
                    <Table.Td maw={260}>
                      <Text fz="sm" truncate title={p.url ?? undefined}>
                        {p.url ?? 'Hosted page or unknown'}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{p.views.toLocaleString()}</Table.Td>
                    <Table.Td ta="right">{p.submissions.toLocaleString()}</Table.Td>
                    <Table.Td ta="right">{formatRate(p.conversion_rate)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Stack>
        <Stack gap="xs">
          <Title order={4} fz="sm">
            Where people stop
          </Title>
          <Paper withBorder style={{ overflow: 'hidden' }}>
            <Table verticalSpacing="xs" aria-label="Field drop-off">
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>Field</Table.Th>
                  <Table.Th ta="right">Reached</Table.Th>
                  <Table.Th ta="right">Left here</Table.Th>
                  <Table.Th ta="right">Drop-off</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {byField.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={4}>
                      <Text fz="sm" c="dimmed">
                        Nobody has begun the form yet.
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {byField.map((f) => (
                  <Table.Tr key={f.key}>
                    <Table.Td>{labels.get(f.key) ?? f.key}</Table.Td>
                    <Table.Td ta="right">{f.reached.toLocaleString()}</Table.Td>
                    <Table.Td ta="right">{f.abandoned.toLocaleString()}</Table.Td>
                    <Table.Td ta="right">{formatRate(f.drop_off_rate)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Stack>
      </Stack>
    </Stack>
  );
}
