import { useMemo, useState } from 'react';
import { ActionIcon, Anchor, Button, Group, Paper, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowLeft, IconListDetails, IconPencil, IconTable, IconTrash, IconUserMinus, IconUsers } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { contactsKey, type Contact } from '../../api/contacts';
import { deleteList, getList, listContacts, listContactsKey, listKey, listsKey, removeFromList } from '../../api/lists';
import { listMembers, membersKey } from '../../api/members';
import { canEditContacts, canManageMarketing } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageContainer } from '../../components/PageContainer';
import { QueryError } from '../../components/QueryError';
import { StatusMessage } from '../../components/StatusMessage';
import { notifyError, notifySuccess } from '../../notify';
import { STANDARD_COLUMNS } from '../contacts/columns';
import { contactName } from '../contacts/contact-fields';
import { ContactsTable } from '../contacts/ContactsTable';
import { ListFormModal } from './ListFormModal';

const COLUMNS = STANDARD_COLUMNS.filter((c) => ['company_name', 'lifecycle_stage', 'tags', 'created_at'].includes(c.id));

export function ListPage() {
  const { id = '' } = useParams();
  const { slug, role } = useWorkspace();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const manage = canManageMarketing(role);
  const editMembers = canEditContacts(role);
  const [editing, editModal] = useDisclosure(false);
  const [deleting, setDeleting] = useState(false);

  const list = useQuery({ queryKey: listKey(slug, id), queryFn: () => getList(slug, id) });
  const members = useQuery({ queryKey: membersKey(slug), queryFn: () => listMembers(slug), retry: false });
  const memberMap = useMemo(() => new Map((members.data ?? []).map((m) => [m.user_id, m])), [members.data]);
  const contacts = useInfiniteQuery({
    queryKey: listContactsKey(slug, id),
    queryFn: ({ pageParam }) => listContacts(slug, id, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
  const rows = contacts.data?.pages.flatMap((p) => p.data);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: listKey(slug, id) });
    void queryClient.invalidateQueries({ queryKey: listContactsKey(slug, id) });
    void queryClient.invalidateQueries({ queryKey: listsKey(slug) });
  };

  const takeOff = useMutation({
    mutationFn: (contact: Contact) => removeFromList(slug, id, [contact.id]),
    onSuccess: (_, contact) => {
      notifySuccess(`${contactName(contact)} was taken off the list`);
      refresh();
    },
    onError: (error) => notifyError(error, 'Could not take the contact off the list'),
  });

  const remove = useMutation({
    mutationFn: () => deleteList(slug, id),
    onSuccess: () => {
      notifySuccess(`List “${list.data?.name ?? ''}” was deleted; its contacts stay`);
      queryClient.removeQueries({ queryKey: listKey(slug, id) });
      void queryClient.invalidateQueries({ queryKey: listsKey(slug) });
      void queryClient.invalidateQueries({ queryKey: contactsKey(slug) });
      void navigate(`/w/${slug}/lists`, { replace: true });
    },
    onError: (error) => notifyError(error, 'Could not delete the list'),
  });

  const back = (
    <Anchor component={Link} to={`/w/${slug}/lists`} fz="sm" c="dimmed">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        Lists
      </Group>
    </Anchor>
  );

  if (list.isError) {
    const missing = list.error instanceof ApiError && list.error.status === 404;
    return (
      <PageContainer wide>
        {back}
        {missing ? (
          <StatusMessage
            icon={<IconListDetails size={26} stroke={1.7} />}
            title="This list does not exist"
            description="It may have been deleted, or the link is wrong. Its contacts are still in Contacts."
          />
        ) : (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        )}
      </PageContainer>
    );
  }

  const l = list.data;
  if (!l) {
    return (
      <PageContainer wide>
        {back}
        <Skeleton h={64} mt="md" mb="xl" />
        <Skeleton h={240} />
      </PageContainer>
    );
  }

  return (
    <PageContainer wide>
      {back}
      <Group justify="space-between" align="flex-start" mt="md" mb="xl" gap="md">
        <Stack gap={6} miw={0} style={{ flex: '1 1 320px' }}>
          <Title order={2} fz={24} style={{ overflowWrap: 'anywhere' }}>
            {l.name}
          </Title>
          {l.description && (
            <Text c="dimmed" fz="sm" maw={720} style={{ whiteSpace: 'pre-wrap' }}>
              {l.description}
            </Text>
          )}
          <Group gap={6} c="dimmed">
            <IconUsers size={15} />
            <Text fz="sm" inherit>
              {l.member_count === 1 ? '1 contact' : `${l.member_count.toLocaleString()} contacts`}
            </Text>
          </Group>
        </Stack>
        <Group gap="sm">
          <Button component={Link} to={`/w/${slug}/contacts?list=${l.id}`} variant="default" leftSection={<IconTable size={16} />}>
            Open in Contacts
          </Button>
          {manage && (
            <>
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={editModal.open}>
                Edit
              </Button>
              <Button variant="default" c="red.7" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>
                Delete
              </Button>
            </>
          )}
        </Group>
      </Group>

      {contacts.isError ? (
        <QueryError error={contacts.error} onRetry={() => void contacts.refetch()} />
      ) : rows?.length === 0 ? (
        <Paper withBorder>
          <StatusMessage
            icon={<IconUsers size={26} stroke={1.7} />}
            title="No one on this list yet"
            description="In Contacts, filter or search for the people you want, tick them, and choose Add to list. Imports and the API can add people too."
            actions={
              <Button component={Link} to={`/w/${slug}/contacts`} variant="light">
                Go to contacts
              </Button>
            }
          />
        </Paper>
      ) : (
        <Paper withBorder style={{ overflow: 'hidden' }}>
          <ContactsTable
            slug={slug}
            contacts={rows}
            columns={COLUMNS}
            context={{ members: memberMap, slug }}
            selectable={false}
            rowAction={
              editMembers
                ? (contact) => (
                    <Tooltip label="Take off the list">
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Take ${contactName(contact)} off the list`}
                        loading={takeOff.isPending && takeOff.variables?.id === contact.id}
                        onClick={() => takeOff.mutate(contact)}
                      >
                        <IconUserMinus size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )
                : undefined
            }
          />
          {contacts.hasNextPage && (
            <Group justify="center" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
              <Button variant="default" size="xs" loading={contacts.isFetchingNextPage} onClick={() => void contacts.fetchNextPage()}>
                Load more
              </Button>
            </Group>
          )}
        </Paper>
      )}

      {manage && <ListFormModal opened={editing} onClose={editModal.close} list={l} />}
      <ConfirmDialog
        opened={deleting}
        title="Delete list"
        confirmLabel="Delete list"
        loading={remove.isPending}
        onClose={() => setDeleting(false)}
        onConfirm={() => remove.mutate()}
      >
        The list <b>{l.name}</b> will be deleted. Its {l.member_count === 1 ? 'contact stays' : `${l.member_count.toLocaleString()} contacts stay`} in
        Contacts; only the grouping goes.
      </ConfirmDialog>
    </PageContainer>
  );
}
