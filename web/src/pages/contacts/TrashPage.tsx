import { useMemo, useState } from 'react';
import { Avatar, Badge, Button, Group, Paper, Table, Text, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconTrash, IconTrashX } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { memberMap, membersQuery } from '../../api/members';
import { trashQuery, usePurgeContact, useRestoreContact, type TrashedContact } from '../../api/trash';
import { useCan } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LoadMore } from '../../components/LoadMore';
import { PageContainer } from '../../components/PageContainer';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { StatusMessage } from '../../components/StatusMessage';
import { contactName } from '../../contact-fields';
import { formatDateTime, formatRelative, initials, plural } from '../../format';
import { notifyError, notifySuccess } from '../../notify';
import { actorName } from './timeline-sentences';
import { BackLink } from '../../components/BackLink';
import { SkeletonRows } from '../../components/SkeletonRows';

const DAY_MS = 86_400_000;

/** Days until the contact is purged, a day begun counting as one: 30 just after it was deleted. */
function daysLeft(purgeAt: string, now = Date.now()): number {
  return Math.max(0, Math.ceil((new Date(purgeAt).getTime() - now) / DAY_MS));
}

function DaysLeft({ contact }: { contact: TrashedContact }) {
  const days = daysLeft(contact.purge_at);
  return (
    <Tooltip label={`Deleted for good on ${formatDateTime(contact.purge_at)}`}>
      <Badge variant="light" color={days < 3 ? 'red' : days < 10 ? 'orange' : 'gray'} radius="sm" tt="none" fw={600}>
        {days === 0 ? 'Due for deletion' : plural(days, 'day')}
      </Badge>
    </Tooltip>
  );
}

/** `/w/:slug/contacts/trash`: deleted contacts, restorable with their history for 30 days. */
export function TrashPage() {
  const { slug, user } = useWorkspace();
  const canDelete = useCan('contacts.delete');
  const trash = useInfiniteQuery(trashQuery(slug));
  const members = useQuery(membersQuery(slug));
  const context = useMemo(() => ({ members: memberMap(members.data), customFields: new Map(), userId: user.id }), [members.data, user.id]);
  const restore = useRestoreContact(slug);
  const purge = usePurgeContact(slug);
  const [purging, setPurging] = useState<TrashedContact | null>(null);
  const rows = trash.data?.pages.flatMap((p) => p.data);

  const restoreContact = (contact: TrashedContact) =>
    restore.mutate(contact.id, {
      onSuccess: () => notifySuccess(`${contactName(contact)} is back, with their timeline, lists and consents`),
      onError: (error) => notifyError(error, 'Could not restore the contact'),
    });
  const purgeContact = (contact: TrashedContact) =>
    purge.mutate(contact.id, {
      onSuccess: () => {
        setPurging(null);
        notifySuccess(`${contactName(contact)} was deleted for good`);
      },
      onError: (error) => notifyError(error, 'Could not delete the contact'),
    });

  function content() {
    if (trash.isError) return <QueryError error={trash.error} onRetry={() => void trash.refetch()} />;
    if (rows?.length === 0) {
      return (
        <Paper withBorder>
          <StatusMessage
            icon={<IconTrash size={26} stroke={1.7} />}
            title="The trash is empty"
            description="Deleted contacts wait here for 30 days, with their timeline, lists and consents, in case they were deleted by mistake."
          />
        </Paper>
      );
    }
    return (
      <Paper withBorder style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={760} type="native">
          <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Deleted contacts">
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>Contact</Table.Th>
                <Table.Th>Deleted</Table.Th>
                <Table.Th>Deleted by</Table.Th>
                <Table.Th>Time left</Table.Th>
                {canDelete && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows
                ? rows.map((c) => {
                    const name = contactName(c);
                    return (
                      <Table.Tr key={c.id}>
                        <Table.Td>
                          <Group gap="sm" wrap="nowrap">
                            <Avatar size={32} radius="xl" color="gray" variant="light">
                              {initials(name)}
                            </Avatar>
                            <div style={{ minWidth: 0 }}>
                              <Text fz="sm" fw={600} truncate maw={280}>
                                {name}
                              </Text>
                              {name !== (c.email ?? c.external_id) && (
                                <Text fz="xs" c="dimmed" truncate maw={280}>
                                  {c.email ?? c.external_id}
                                </Text>
                              )}
                            </div>
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <Tooltip label={formatDateTime(c.deleted_at)}>
                            <Text fz="sm" component="span">
                              {formatRelative(c.deleted_at)}
                            </Text>
                          </Tooltip>
                        </Table.Td>
                        <Table.Td>
                          <Text fz="sm">{actorName({ actor_type: c.deleted_by.type, actor_id: c.deleted_by.id }, context)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <DaysLeft contact={c} />
                        </Table.Td>
                        {canDelete && (
                          <Table.Td>
                            <Group gap="xs" justify="flex-end" wrap="nowrap">
                              <Button
                                size="xs"
                                variant="light"
                                leftSection={<IconArrowBackUp size={14} />}
                                loading={restore.isPending && restore.variables === c.id}
                                onClick={() => restoreContact(c)}
                              >
                                Restore
                              </Button>
                              <Button size="xs" variant="subtle" color="red" leftSection={<IconTrashX size={14} />} onClick={() => setPurging(c)}>
                                Delete for good
                              </Button>
                            </Group>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })
                : <SkeletonRows columns={canDelete ? 5 : 4} height={30} />}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {rows && (
          <LoadMore hasMore={trash.hasNextPage} loading={trash.isFetchingNextPage} onLoad={() => void trash.fetchNextPage()}>
            <Text fz="sm" c="dimmed">
              {plural(rows.length, 'deleted contact')}
              {trash.hasNextPage ? ' shown' : ''}
            </Text>
          </LoadMore>
        )}
      </Paper>
    );
  }

  return (
    <PageContainer>
      <BackLink to={`/w/${slug}/contacts`}>Contacts</BackLink>
      <PageHeader
        title="Trash"
        description="Deleted contacts are kept here for 30 days, then deleted for good. Restoring one brings back their timeline, lists and consents. Erased people never come here: erasure is immediate."
      />
      {content()}
      <ConfirmDialog
        opened={purging !== null}
        title="Delete for good"
        confirmLabel="Delete for good"
        loading={purge.isPending}
        onClose={() => setPurging(null)}
        onConfirm={() => purging && purgeContact(purging)}
      >
        <b>{purging ? contactName(purging) : ''}</b> and their whole timeline, consents and list memberships will be deleted
        now instead of in {purging ? plural(daysLeft(purging.purge_at), 'day') : ''}. This cannot be undone.
      </ConfirmDialog>
    </PageContainer>
  );
}
