import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { IconChartBar, IconExternalLink, IconEye, IconLayout, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatRate } from '../../format';
import { useQuery } from '@tanstack/react-query';
import { pageQueries, usePreviewLink, type LandingPage } from '../../api/pages';
import { useCan } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { PageContainer } from '../../components/PageContainer';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { StatusMessage } from '../../components/StatusMessage';
import { notifyError } from '../../notify';
import { NewPageModal } from './NewPageModal';
import { SkeletonRows } from '../../components/SkeletonRows';

export function StatusBadge({ page }: { page: Pick<LandingPage, 'status' | 'live_version' | 'publish_at'> }) {
  if (page.status === 'live') return <Badge color="teal" variant="light" radius="sm" tt="none">Live · version {page.live_version}</Badge>;
  if (page.status === 'unpublished') return <Badge color="gray" variant="light" radius="sm" tt="none">Unpublished</Badge>;
  if (page.publish_at) return <Badge color="blue" variant="light" radius="sm" tt="none">Scheduled · {new Date(page.publish_at).toLocaleString()}</Badge>;
  return <Badge color="gray" variant="light" radius="sm" tt="none">Draft</Badge>;
}

/** Where a page answers: its custom domain, or this server. */
function addressOf(page: LandingPage): string {
  return page.host ? `https://${page.host}/p/${page.slug}` : `/p/${page.slug}`;
}

/** The workspace’s landing and thank-you pages: status, address and a preview of the draft; a name opens the editor. */
export function PagesPage() {
  const { slug } = useWorkspace();
  const manage = useCan('marketing.write');
  const pages = useQuery(pageQueries.all(slug));
  const preview = usePreviewLink(slug);
  const [creating, setCreating] = useState(false);

  async function openPreview(id: string) {
    // Opened before the request so the browser does not take it for a pop-up.
    const tab = window.open('about:blank', '_blank');
    try {
      const link = await preview.mutateAsync(id);
      if (tab) tab.location.href = link.path;
    } catch (error) {
      tab?.close();
      notifyError(error, 'The preview could not be opened');
    }
  }

  function content() {
    if (pages.isError) return <QueryError error={pages.error} onRetry={() => void pages.refetch()} />;
    if (pages.data?.length === 0) {
      return (
        <Paper withBorder>
          <StatusMessage
            icon={<IconLayout size={26} stroke={1.7} />}
            title="No pages yet"
            description="A landing page holds one offer and its form; a thank-you page follows the form. Start one from a template with New page."
          />
        </Paper>
      );
    }
    return (
      <Paper withBorder style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={720} type="native">
          <Table verticalSpacing="sm" horizontalSpacing="lg">
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>Page</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Address</Table.Th>
                <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>Conversion (30 days)</Table.Th>
                <Table.Th ta="right">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pages.data
                ? pages.data.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/w/${slug}/pages/${p.id}`} fz="sm" fw={600} c="dark.7">{p.name}</Anchor>
                        <Text fz="xs" c="dimmed">{p.kind === 'thank_you' ? 'Thank-you page' : 'Landing page'}</Text>
                      </Table.Td>
                      <Table.Td w={220}><StatusBadge page={p} /></Table.Td>
                      <Table.Td>
                        {p.status === 'live' ? (
                          <Anchor href={addressOf(p)} target="_blank" rel="noopener noreferrer" fz="sm">
                            {addressOf(p)} <IconExternalLink size={13} style={{ verticalAlign: 'middle' }} aria-label="(opens in a new tab)" />
                          </Anchor>
                        ) : (
                          <Text fz="sm" c="dimmed">{addressOf(p)}</Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right" w={170}>
                        <Text fz="sm" fw={600}>{formatRate(p.last_30_days.conversion_rate)}</Text>
                        <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                          {p.last_30_days.submissions.toLocaleString()} {p.last_30_days.submissions === 1 ? 'sign-up' : 'sign-ups'} · {p.last_30_days.visitors.toLocaleString()} {p.last_30_days.visitors === 1 ? 'visitor' : 'visitors'}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right" w={230}>
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button component={Link} to={`/w/${slug}/pages/${p.id}/analytics`} variant="default" size="xs" leftSection={<IconChartBar size={14} />} aria-label={`Conversion figures of ${p.name}`}>
                          Analytics
                        </Button>
                        {manage && (
                          <Button variant="default" size="xs" leftSection={<IconEye size={14} />} onClick={() => void openPreview(p.id)} aria-label={`Preview the draft of ${p.name}`}>
                            Preview
                          </Button>
                        )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))
                : <SkeletonRows columns={5} height={28} />}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    );
  }

  return (
    <PageContainer>
      <PageHeader
        title="Landing pages"
        description="Pages built for one offer, with the form on them, and the thank-you pages that follow."
        actions={manage && <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>New page</Button>}
      />
      <NewPageModal opened={creating} onClose={() => setCreating(false)} />
      {content()}
    </PageContainer>
  );
}
