import { useState } from 'react';
import { Badge, Button, Paper, Skeleton, Table, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ConfirmDialog } from './ConfirmDialog';
import { QueryError } from './QueryError';
import { StatusMessage } from './StatusMessage';

/** A published version of a form or a page, as the API lists them. */
export interface VersionRow {
  version: number;
  published_at: string;
  live: boolean;
  published_by: { name: string; email: string } | null;
}

const when = (at: string) => new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Every published version, newest first; restoring one copies it into the draft (nothing is
 * published). `what` names the thing (“form”, “page”) in the texts.
 */
export function VersionsTable({ versions, what, emptyText, manage, dirty, restoring, onRestore }: {
  versions: UseQueryResult<VersionRow[]>;
  what: string;
  emptyText: string;
  manage: boolean;
  /** Unsaved edits in the editor, which a restore replaces. */
  dirty: boolean;
  restoring: boolean;
  /** Restores the version; resolves true once done (the dialog closes either way). */
  onRestore: (version: number) => Promise<unknown>;
}) {
  const [asked, setAsked] = useState<VersionRow | null>(null);
  if (versions.isError) return <QueryError error={versions.error} onRetry={() => void versions.refetch()} />;
  if (!versions.data) return <Skeleton h={160} />;
  if (versions.data.length === 0) {
    return (
      <Paper withBorder>
        <StatusMessage icon={<IconHistory size={26} stroke={1.7} />} title="Not published yet" description={emptyText} />
      </Paper>
    );
  }
  const confirm = () => asked && void onRestore(asked.version).finally(() => setAsked(null));
  return (
    <>
      <Paper withBorder style={{ overflow: 'hidden' }}>
        <Table verticalSpacing="sm" horizontalSpacing="lg" aria-label="Versions">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th>Version</Table.Th>
              <Table.Th>Published</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.data.map((v) => (
              <Table.Tr key={v.version}>
                <Table.Td>
                  <Text fz="sm" fw={600} span>Version {v.version}</Text>
                  {v.live && <Badge ml="sm" color="teal" variant="light" radius="sm" tt="none">Live</Badge>}
                </Table.Td>
                <Table.Td><Text fz="sm">{when(v.published_at)}</Text></Table.Td>
                <Table.Td>
                  <Text fz="sm" c={v.published_by ? undefined : 'dimmed'}>{v.published_by ? v.published_by.name || v.published_by.email : 'An API key'}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  {manage && (
                    <Button size="xs" variant="default" leftSection={<IconHistory size={14} />} onClick={() => setAsked(v)} aria-label={`Restore version ${v.version}`}>
                      Restore
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <ConfirmDialog opened={asked !== null} title={`Restore version ${asked?.version ?? ''}?`} confirmLabel="Restore into the draft" loading={restoring} onConfirm={confirm} onClose={() => setAsked(null)}>
        The draft becomes a copy of version {asked?.version}. What visitors see does not change until you publish.
        {dirty && <Text fz="sm" fw={600} mt="xs">Your unsaved changes to this {what} will be lost.</Text>}
      </ConfirmDialog>
    </>
  );
}
