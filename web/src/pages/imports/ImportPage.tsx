import { useRef, useState, type DragEvent } from 'react';
import { Alert, Anchor, Button, FileButton, Group, Paper, Skeleton, Stack, Table, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { importQueries, useUploadImport } from '../../api/imports';
import { useWorkspace } from '../../auth/workspace-context';
import { PageContainer } from '../../components/PageContainer';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatBytes, formatDateTime, formatRelative } from '../../format';
import { notifyError } from '../../notify';
import { ImportStatusBadge } from './ImportStatusBadge';
import classes from './ImportPage.module.css';
import { BackLink } from '../../components/BackLink';

function RecentImports() {
  const { slug } = useWorkspace();
  const imports = useInfiniteQuery(importQueries.recent(slug));
  const rows = imports.data?.pages.flatMap((p) => p.data);
  if (imports.isError) return <QueryError error={imports.error} onRetry={() => void imports.refetch()} />;
  if (rows?.length === 0) return null;
  return (
    <div>
      <Title order={3} fz="md" mb="sm">
        Recent imports
      </Title>
      <Paper withBorder style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={680} type="native">
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>File</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">New</Table.Th>
                <Table.Th ta="right">Updated</Table.Th>
                <Table.Th ta="right">With errors</Table.Th>
                <Table.Th>Started</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows
                ? rows.map((imp) => (
                    <Table.Tr key={imp.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/w/${slug}/contacts/imports/${imp.id}`} fz="sm" fw={600} truncate="end" maw={300} display="block">
                          {imp.file_name}
                        </Anchor>
                        <Text fz="xs" c="dimmed">
                          {formatBytes(imp.file_size)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <ImportStatusBadge imp={imp} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text fz="sm">{imp.rows_created.toLocaleString()}</Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text fz="sm">{imp.rows_updated.toLocaleString()}</Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text fz="sm" c={imp.rows_failed ? 'red.7' : undefined}>
                          {imp.rows_failed.toLocaleString()}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Tooltip label={formatDateTime(imp.created_at)}>
                          <Text fz="sm" c="dimmed" component="span">
                            {formatRelative(imp.created_at)}
                          </Text>
                        </Tooltip>
                      </Table.Td>
                    </Table.Tr>
                  ))
                : [0, 1].map((i) => (
                    <Table.Tr key={i}>
                      <Table.Td colSpan={6}>
                        <Skeleton h={28} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {imports.hasNextPage && (
          <Group justify="center" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
            <Button variant="default" size="xs" loading={imports.isFetchingNextPage} onClick={() => void imports.fetchNextPage()}>
              Show older imports
            </Button>
          </Group>
        )}
      </Paper>
    </div>
  );
}

/** `/w/:slug/contacts/import`: pick a CSV file; the next page maps its columns. */
export function ImportPage() {
  const { slug } = useWorkspace();
  const navigate = useNavigate();
  const [dragging, setDragging] = useState(false);
  const resetRef = useRef<() => void>(null);

  const upload = useUploadImport(slug);
  const storage = useQuery(importQueries.storage(slug));

  function pick(file: File | null) {
    if (!file) return;
    upload.mutate(file, {
      onSuccess: (imp) => void navigate(`/w/${slug}/contacts/imports/${imp.id}`),
      onError: (error) => {
        resetRef.current?.();
        notifyError(error, 'Could not upload the file');
      },
    });
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    pick(event.dataTransfer.files[0] ?? null);
  }

  return (
    <PageContainer>
      <BackLink to={`/w/${slug}/contacts`}>Contacts</BackLink>
      <PageHeader
        title="Import contacts"
        description="Bring in contacts from a CSV file: another CRM’s export, a webinar tool’s attendee list, a spreadsheet saved as CSV."
      />
      <Stack gap="xl">
        {storage.data?.warning && (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} title="Room for uploads is running out">
            {storage.data.warning}
          </Alert>
        )}
        <Paper
          withBorder
          p={40}
          className={classes.drop}
          data-dragging={dragging || undefined}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <Stack align="center" gap="sm" ta="center">
            <ThemeIcon size={52} radius="xl" variant="light">
              <IconFileSpreadsheet size={26} stroke={1.7} />
            </ThemeIcon>
            <Text fw={600} fz="lg">
              Drop a CSV file here
            </Text>
            <Text fz="sm" c="dimmed" maw={520}>
              The first row must name the columns. Nothing is imported yet: next you check which field each column
              fills. Exports from HubSpot, Mautic and Inflow itself are recognised as they are.
            </Text>
            <FileButton onChange={pick} accept=".csv,text/csv,text/plain" resetRef={resetRef}>
              {(props) => (
                <Button {...props} mt="sm" leftSection={<IconUpload size={16} />} loading={upload.isPending}>
                  Choose a file
                </Button>
              )}
            </FileButton>
            <Text fz="xs" c="dimmed">
              Large files are fine · UTF-8 or Windows-1252 · separated by commas, semicolons or tabs
            </Text>
          </Stack>
        </Paper>
        <RecentImports />
      </Stack>
    </PageContainer>
  );
}
