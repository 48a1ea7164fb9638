import { useState } from 'react';
import { Anchor, Button, Group, Paper, Select, Skeleton, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconInbox, IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { downloadFile } from '../../api/client';
import { formQueries, type Form } from '../../api/forms';
import { submissionQueries, submissionsExportPath, type Submission, type SubmissionFilters } from '../../api/submissions';
import { useWorkspace } from '../../auth/workspace-context';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { formatDateTime, formatRelative, plural } from '../../format';
import { notifyError } from '../../notify';
import { SubmissionDrawer } from './SubmissionDrawer';
import { fieldLabels, shortPage } from './submission-values';

/** Free-text filters wait for typing to pause; the rest apply at once. */
function useFilters() {
  const [typed, setTyped] = useState({ q: '', utm_source: '', utm_campaign: '' });
  const [picked, setPicked] = useState<Pick<SubmissionFilters, 'from' | 'to' | 'page' | 'version'>>({});
  const [debounced] = useDebouncedValue(typed, 300);
  const filters: SubmissionFilters = {
    ...picked,
    q: debounced.q.trim() || undefined,
    utm_source: debounced.utm_source.trim() || undefined,
    utm_campaign: debounced.utm_campaign.trim() || undefined,
  };
  const active = Object.values(filters).some((v) => v !== undefined && v !== '');
  const clear = () => {
    setTyped({ q: '', utm_source: '', utm_campaign: '' });
    setPicked({});
  };
  return { typed, setTyped, picked, setPicked, filters, active, clear };
}

function Who({ submission }: { submission: Submission }) {
  const name = submission.contact?.name;
  return (
    <div style={{ minWidth: 0 }}>
      <Text fz="sm" fw={600} truncate="end">
        {name || submission.email || '—'}
      </Text>
      {name && (
        <Text fz="xs" c="dimmed" truncate="end">
          {submission.email}
        </Text>
      )}
    </div>
  );
}

/** A form's submissions: filters, a table that loads more on request, details in a drawer, and the filtered rows as CSV. */
export function FormSubmissionsPanel({ form }: { form: Form }) {
  const { slug } = useWorkspace();
  const { typed, setTyped, picked, setPicked, filters, active, clear } = useFilters();
  const submissions = useInfiniteQuery({ ...submissionQueries.ofForm(slug, form.id, filters), placeholderData: (previous) => previous });
  const pages = useQuery(formQueries.analytics(slug, form.id));
  const [open, setOpen] = useState<Submission | null>(null);
  const [exporting, setExporting] = useState(false);
  const labels = fieldLabels(form);
  const rows = submissions.data?.pages.flatMap((p) => p.data);
  const badDates = Boolean(picked.from && picked.to && picked.from > picked.to);

  async function exportCsv() {
    setExporting(true);
    try {
      await downloadFile(submissionsExportPath(form.id, filters), slug, 'submissions.csv');
    } catch (error) {
      notifyError(error, 'Could not export the submissions');
    } finally {
      setExporting(false);
    }
  }

  const pageOptions = (pages.data?.by_page ?? []).flatMap((p) => (p.url ? [{ value: p.url, label: shortPage(p.url) }] : []));
  const versions = Array.from({ length: form.live_version ?? 0 }, (_, i) => String(i + 1)).reverse();

  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="nowrap">
        <TextInput
          aria-label="Search submissions"
          placeholder="Search by email or name"
          leftSection={<IconSearch size={14} />}
          size="xs"
          style={{ flex: 1, maxWidth: 360 }}
          value={typed.q}
          onChange={(e) => setTyped({ ...typed, q: e.currentTarget.value })}
        />
        {active && (
          <Button variant="subtle" size="xs" color="gray" onClick={clear}>
            Clear filters
          </Button>
        )}
        <Tooltip label={active ? 'Download the submissions that match the filters, as CSV' : 'Download every submission, as CSV'}>
          <Button ml="auto" variant="default" size="xs" leftSection={<IconDownload size={14} />} loading={exporting} disabled={badDates} onClick={() => void exportCsv()}>
            Export CSV
          </Button>
        </Tooltip>
      </Group>
      <Group gap="xs" wrap="wrap">
        <Select
          aria-label="Page"
          placeholder="Any page"
          size="xs"
          w={210}
          clearable
          searchable
          data={pageOptions}
          value={picked.page ?? null}
          onChange={(page) => setPicked({ ...picked, page: page ?? undefined })}
          nothingFoundMessage="No page in the last 30 days"
        />
        <Group gap={6} wrap="nowrap">
          <TextInput aria-label="From" type="date" size="xs" w={140} value={picked.from ?? ''} onChange={(e) => setPicked({ ...picked, from: e.currentTarget.value || undefined })} error={badDates} />
          <Text fz="xs" c="dimmed">
            to
          </Text>
          <TextInput aria-label="To" type="date" size="xs" w={140} value={picked.to ?? ''} onChange={(e) => setPicked({ ...picked, to: e.currentTarget.value || undefined })} error={badDates} />
        </Group>
        <TextInput aria-label="UTM source" placeholder="UTM source" size="xs" w={140} value={typed.utm_source} onChange={(e) => setTyped({ ...typed, utm_source: e.currentTarget.value })} />
        <TextInput aria-label="UTM campaign" placeholder="UTM campaign" size="xs" w={140} value={typed.utm_campaign} onChange={(e) => setTyped({ ...typed, utm_campaign: e.currentTarget.value })} />
        {versions.length > 1 && (
          <Select
            aria-label="Version"
            placeholder="Any version"
            size="xs"
            w={130}
            clearable
            data={versions.map((v) => ({ value: v, label: `Version ${v}` }))}
            value={picked.version ? String(picked.version) : null}
            onChange={(v) => setPicked({ ...picked, version: v ? Number(v) : undefined })}
          />
        )}
      </Group>
      {badDates ? (
        <Paper withBorder p="xl" ta="center">
          <Text fz="sm" c="red.7">
            The period ends before it starts.
          </Text>
        </Paper>
      ) : submissions.isError && !rows ? (
        <QueryError error={submissions.error} onRetry={() => void submissions.refetch()} />
      ) : !rows ? (
        <Skeleton h={220} />
      ) : rows.length === 0 ? (
        <Paper withBorder p="xl">
          <Stack align="center" gap={6}>
            <IconInbox size={32} color="var(--mantine-color-gray-5)" />
            <Text fw={600}>{active ? 'No submission matches these filters' : 'No submissions yet'}</Text>
            <Text fz="sm" c="dimmed" ta="center" maw={420}>
              {active ? (
                <Anchor component="button" fz="sm" onClick={clear}>
                  Clear the filters
                </Anchor>
              ) : (
                'Each time someone sends the form, it appears here with its answers, the page it was sent from and the consents given.'
              )}
            </Text>
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder style={{ overflow: 'hidden' }} opacity={submissions.isPlaceholderData ? 0.6 : 1}>
          <Table verticalSpacing="xs" horizontalSpacing="md" highlightOnHover aria-label="Submissions" style={{ tableLayout: 'fixed' }}>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th w="28%">Who</Table.Th>
                <Table.Th w="16%">Submitted</Table.Th>
                <Table.Th>Page</Table.Th>
                <Table.Th w="18%">Source</Table.Th>
                <Table.Th w={80}>Version</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((s) => (
                <Table.Tr key={s.id} onClick={() => setOpen(s)} style={{ cursor: 'pointer' }} data-testid="submission-row">
                  <Table.Td>
                    <Who submission={s} />
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={formatDateTime(s.submitted_at)}>
                      <Text fz="sm" w="fit-content">
                        {formatRelative(s.submitted_at)}
                      </Text>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm" truncate="end" title={s.page_url ?? undefined}>
                      {shortPage(s.page_url)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {s.utm.source || s.utm.campaign ? (
                      <div style={{ minWidth: 0 }}>
                        <Text fz="sm" truncate="end">
                          {s.utm.source ?? '—'}
                        </Text>
                        {s.utm.campaign && (
                          <Text fz="xs" c="dimmed" truncate="end">
                            {s.utm.campaign}
                          </Text>
                        )}
                      </div>
                    ) : (
                      <Text fz="sm" c="dimmed">
                        {s.referrer ? shortPage(s.referrer) : 'Direct'}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm" c="dimmed">
                      v{s.form_version}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <LoadMore hasMore={Boolean(submissions.hasNextPage)} loading={submissions.isFetchingNextPage} onLoad={() => void submissions.fetchNextPage()}>
            <Text fz="sm" c="dimmed">
              {submissions.hasNextPage ? `Showing the latest ${rows.length.toLocaleString()}` : plural(rows.length, 'submission')}
              {active ? ' matching these filters' : ''}
            </Text>
          </LoadMore>
        </Paper>
      )}
      <SubmissionDrawer submission={open} labels={labels} onClose={() => setOpen(null)} />
    </Stack>
  );
}
