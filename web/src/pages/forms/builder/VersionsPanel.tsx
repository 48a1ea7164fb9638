import { useState } from 'react';
import { Badge, Button, Paper, Skeleton, Table, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { formQueries, useRestoreVersion, type FormVersion } from '../../../api/forms';
import { useWorkspace } from '../../../auth/workspace-context';
import { QueryError } from '../../../components/QueryError';
import { StatusMessage } from '../../../components/StatusMessage';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { notifyError, notifySuccess } from '../../../notify';
import type { DraftEditor } from './use-draft-editor';

const when = (at: string) => new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Every published version, newest first; restoring one copies it into the draft (nothing is published). */
export function VersionsPanel({ editor, manage }: { editor: DraftEditor; manage: boolean }) {
  const { slug } = useWorkspace();
  const form = editor.form!;
  const versions = useQuery(formQueries.versions(slug, form.id));
  const restore = useRestoreVersion(slug, form.id);
  const [asked, setAsked] = useState<FormVersion | null>(null);

  if (versions.isError) return <QueryError error={versions.error} onRetry={() => void versions.refetch()} />;
  if (!versions.data) return <Skeleton h={160} />;
  if (versions.data.length === 0) {
    return (
      <Paper withBorder>
        <StatusMessage icon={<IconHistory size={26} stroke={1.7} />} title="Not published yet" description="Each time you publish, the form is kept as a version: sites that show an older one keep working, and you can bring any version back into the draft." />
      </Paper>
    );
  }
  const confirm = () =>
    asked &&
    restore.mutate(
      { version: asked.version, draft_revision: form.draft_revision },
      {
        onSuccess: (restored) => {
          editor.adopt(restored);
          notifySuccess(`Version ${asked.version} is in the draft: publish it to put it live`);
          setAsked(null);
        },
        onError: (error) => {
          setAsked(null);
          notifyError(error, 'Could not restore the version');
        },
      },
    );
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
                  <Text fz="sm" fw={600} span>
                    Version {v.version}
                  </Text>
                  {v.live && (
                    <Badge ml="sm" color="teal" variant="light" radius="sm" tt="none">
                      Live
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{when(v.published_at)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" c={v.published_by ? undefined : 'dimmed'}>
                    {v.published_by ? v.published_by.name || v.published_by.email : 'An API key'}
                  </Text>
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
      <ConfirmDialog opened={asked !== null} title={`Restore version ${asked?.version ?? ''}?`} confirmLabel="Restore into the draft" loading={restore.isPending} onConfirm={confirm} onClose={() => setAsked(null)}>
        The draft becomes a copy of version {asked?.version}. What sites show does not change until you publish.
        {editor.dirty && <Text fz="sm" fw={600} mt="xs">Your unsaved changes in the builder will be lost.</Text>}
      </ConfirmDialog>
    </>
  );
}
