import { useState } from 'react';
import { Alert, Button, Group, Loader, Paper, Progress, SimpleGrid, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertCircle, IconCheck, IconDownload, IconPlayerPlay, IconTrash, IconX } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { downloadFile } from '../../api/client';
import { importErrorsPath, useCancelImport, useContactsAfterImport, useDeleteImport, useStartImport, type ContactImport } from '../../api/imports';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useWorkspace } from '../../auth/workspace-context';
import { formatDateTime, plural } from '../../format';
import { notifyError } from '../../notify';

function Stat({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text fz="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.05em' }}>
        {label}
      </Text>
      <Text fz={26} fw={700} c={color} mt={2}>
        {value.toLocaleString()}
      </Text>
    </Paper>
  );
}

/** Step 3 of an import: progress while it runs, then what happened and what to do next. */
export function ImportProgress({ imp }: { imp: ContactImport }) {
  const { slug } = useWorkspace();
  const [downloading, setDownloading] = useState(false);
  const finished = imp.status === 'done' || imp.status === 'failed' || imp.status === 'cancelled';
  const percent = imp.rows_total ? Math.min(100, (imp.rows_processed / imp.rows_total) * 100) : 0;

  const cancel = useCancelImport(slug, imp.id);
  const resume = useStartImport(slug, imp.id);
  const remove = useDeleteImport(slug, imp.id);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const navigate = useNavigate();

  async function downloadErrors() {
    setDownloading(true);
    try {
      await downloadFile(importErrorsPath(imp.id), slug, `import-${imp.id}-errors.csv`);
    } catch (error) {
      notifyError(error, 'Could not download the error report');
    } finally {
      setDownloading(false);
    }
  }

  const tag = imp.options.tags[0];
  const contactsLink = tag ? `/w/${slug}/contacts?tag=${encodeURIComponent(tag)}` : `/w/${slug}/contacts`;
  useContactsAfterImport(slug, finished);

  return (
    <Stack gap="lg">
      <Paper withBorder p="xl">
        {!finished ? (
          <Stack gap="md">
            <Group gap="sm">
              <Loader size="sm" />
              <Title order={3} fz="md">
                {imp.status === 'queued' ? 'Waiting to start…' : 'Importing…'}
              </Title>
            </Group>
            <Progress value={percent} size="lg" radius="xl" animated striped aria-label="Import progress" />
            <Text fz="sm" c="dimmed">
              {imp.rows_total === null
                ? `${imp.rows_processed.toLocaleString()} rows read so far`
                : `${imp.rows_processed.toLocaleString()} of ${imp.rows_total.toLocaleString()} rows`}
              {' · '}You can leave this page: the import goes on without it.
            </Text>
            {imp.status === 'queued' && (
              <Text fz="xs" c="dimmed">
                Imports are run by the Inflow worker. If this stays here, check that <code>inflow serve</code> runs
                with its worker (not <code>--no-worker</code>), or that an <code>inflow worker</code> is running.
              </Text>
            )}
          </Stack>
        ) : (
          <Group gap="md" wrap="nowrap" align="flex-start">
            <ThemeIcon size={44} radius="xl" variant="light" color={imp.status === 'done' ? 'teal' : imp.status === 'failed' ? 'red' : 'gray'}>
              {imp.status === 'done' ? <IconCheck size={24} /> : imp.status === 'failed' ? <IconAlertCircle size={24} /> : <IconX size={24} />}
            </ThemeIcon>
            <div>
              <Title order={3} fz="lg">
                {imp.status === 'done' ? 'Import finished' : imp.status === 'failed' ? 'The import stopped' : 'Import cancelled'}
              </Title>
              <Text fz="sm" c="dimmed">
                {plural(imp.rows_processed, 'row')} read
                {imp.finished_at ? `, ${formatDateTime(imp.finished_at)}` : ''}.
                {imp.status !== 'done' &&
                  (imp.files_removed_at
                    ? ` Rows already written stay. Its file was removed on ${formatDateTime(imp.files_removed_at)}: upload it again to import the rest.`
                    : ' Rows already written stay; resuming continues after the last one.')}
              </Text>
            </div>
          </Group>
        )}
        <SimpleGrid cols={{ base: 2, sm: 5 }} mt="lg">
          <Stat label="New contacts" value={imp.rows_created} color="teal.7" />
          <Stat label="Updated" value={imp.rows_updated} />
          <Stat label="Skipped" value={imp.rows_skipped} />
          <Stat label="With warnings" value={imp.rows_warned} color={imp.rows_warned ? 'yellow.8' : undefined} />
          <Stat label="With errors" value={imp.rows_failed} color={imp.rows_failed ? 'red.7' : undefined} />
        </SimpleGrid>
        {(imp.first_problems ?? []).length > 0 && (
          <Table mt="lg" fz="sm" withTableBorder verticalSpacing={6} aria-label="First problems">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Row</Table.Th>
                <Table.Th>Column</Table.Th>
                <Table.Th>Value</Table.Th>
                <Table.Th>What happened</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(imp.first_problems ?? []).map((problem, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{problem.row}</Table.Td>
                  <Table.Td>{problem.column || '—'}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }}>{problem.value || '—'}</Table.Td>
                  <Table.Td>
                    <Text span fz="sm" c={problem.level === 'warning' ? 'yellow.9' : 'red.7'} fw={600}>
                      {problem.level === 'warning' ? 'Imported without it: ' : 'Not imported: '}
                    </Text>
                    {problem.message}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>

      {imp.status === 'failed' && imp.error && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Why it stopped">
          {imp.error}
        </Alert>
      )}
      {imp.rows_failed > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} />} title={`${plural(imp.rows_failed, 'row was', 'rows were')} not imported`}>
          {imp.files_removed_at ? (
            `The error report was removed on ${formatDateTime(imp.files_removed_at)}, 30 days after the import ended.`
          ) : (
            <>
              The error report lists each one with its column, value and what was wrong. Fix them in the file and import it
              again: rows already imported are updated, not duplicated.
              <Button
                display="block"
                mt="sm"
                size="xs"
                variant="white"
                color="orange"
                leftSection={<IconDownload size={14} />}
                loading={downloading}
                onClick={() => void downloadErrors()}
              >
                Download the error report
              </Button>
            </>
          )}
        </Alert>
      )}

      <Group justify="space-between">
        {!finished ? (
          <Button variant="default" loading={cancel.isPending} onClick={() => cancel.mutate(undefined, { onError: (error) => notifyError(error, 'Could not cancel the import') })}>
            Cancel import
          </Button>
        ) : imp.status !== 'done' && !imp.files_removed_at ? (
          <Button variant="default" leftSection={<IconPlayerPlay size={16} />} loading={resume.isPending} onClick={() => resume.mutate(undefined, { onError: (error) => notifyError(error, 'Could not resume the import') })}>
            Resume import
          </Button>
        ) : (
          <Button component={Link} to={`/w/${slug}/contacts/import`} variant="default">
            Import another file
          </Button>
        )}
        {finished && (
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} ml="auto" onClick={() => setConfirmDelete(true)}>
            Delete import
          </Button>
        )}
        {finished && (
          <Button component={Link} to={contactsLink}>
            {tag ? `See contacts tagged “${tag}”` : 'Go to contacts'}
          </Button>
        )}
      </Group>
      <ConfirmDialog
        opened={confirmDelete}
        title="Delete this import"
        confirmLabel="Delete import"
        loading={remove.isPending}
        onClose={() => setConfirmDelete(false)}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => void navigate(`/w/${slug}/contacts/import`),
            onError: (error) => notifyError(error, 'Could not delete the import'),
          })
        }
      >
        The import leaves the list, with its uploaded file and error report; the contacts it wrote stay.
      </ConfirmDialog>
    </Stack>
  );
}
