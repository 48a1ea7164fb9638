import { useState } from 'react';
import { ActionIcon, Button, Group, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconListDetails, IconPencil, IconTable, IconTrash, IconUserMinus, IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { listQueries, useChangeMembers, useDeleteList, type ContactList } from '../../api/lists';
import { useCan } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { STANDARD_COLUMNS } from '../../components/contact-columns';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { RecordContacts } from '../../components/RecordContacts';
import { RecordHeader, RecordPage } from '../../components/RecordPage';
import { StatusMessage } from '../../components/StatusMessage';
import { contactName } from '../../contact-fields';
import { contactCount } from '../../format';
import { notifyError, notifySuccess } from '../../notify';
import { ListFormModal } from './ListFormModal';

const COLUMNS = STANDARD_COLUMNS.filter((c) => ['company_name', 'lifecycle_stage', 'tags', 'created_at'].includes(c.id));

function ListDetails({ list: l }: { list: ContactList }) {
  const { slug } = useWorkspace();
  const navigate = useNavigate();
  const manage = useCan('marketing.write');
  const editMembers = useCan('contacts.write');
  const [editing, editModal] = useDisclosure(false);
  const [deleting, setDeleting] = useState(false);
  const takeOff = useChangeMembers(slug);
  const remove = useDeleteList(slug, l.id);

  const deleteList = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        notifySuccess(`List “${l.name}” was deleted; its contacts stay`);
        void navigate(`/w/${slug}/lists`, { replace: true });
      },
      onError: (error) => notifyError(error, 'Could not delete the list'),
    });

  return (
    <>
      <RecordHeader
        title={l.name}
        actions={
          <>
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
          </>
        }
      >
        {l.description && (
          <Text c="dimmed" fz="sm" maw={720} style={{ whiteSpace: 'pre-wrap' }}>
            {l.description}
          </Text>
        )}
        <Group gap={6} c="dimmed">
          <IconUsers size={15} />
          <Text fz="sm" inherit>
            {contactCount(l.member_count)}
          </Text>
        </Group>
      </RecordHeader>

      <RecordContacts
        filters={{ list: l.id }}
        columns={COLUMNS}
        empty={
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
        }
        rowAction={
          editMembers
            ? (contact) => (
                <Tooltip label="Take off the list">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Take ${contactName(contact)} off the list`}
                    loading={takeOff.isPending && takeOff.variables?.contactIds[0] === contact.id}
                    onClick={() =>
                      takeOff.mutate(
                        { listId: l.id, contactIds: [contact.id], on: false },
                        {
                          onSuccess: () => notifySuccess(`${contactName(contact)} was taken off the list`),
                          onError: (error) => notifyError(error, 'Could not take the contact off the list'),
                        },
                      )
                    }
                  >
                    <IconUserMinus size={16} />
                  </ActionIcon>
                </Tooltip>
              )
            : undefined
        }
      />

      {manage && <ListFormModal opened={editing} onClose={editModal.close} list={l} />}
      <ConfirmDialog
        opened={deleting}
        title="Delete list"
        confirmLabel="Delete list"
        loading={remove.isPending}
        onClose={() => setDeleting(false)}
        onConfirm={deleteList}
      >
        The list <b>{l.name}</b> will be deleted. Its {l.member_count === 1 ? 'contact stays' : `${l.member_count.toLocaleString()} contacts stay`} in
        Contacts; only the grouping goes.
      </ConfirmDialog>
    </>
  );
}

export function ListPage() {
  const { id = '' } = useParams();
  const { slug } = useWorkspace();
  const list = useQuery(listQueries.one(slug, id));
  return (
    <RecordPage
      query={list}
      back={{ to: `/w/${slug}/lists`, label: 'Lists' }}
      missing={{
        icon: <IconListDetails size={26} stroke={1.7} />,
        title: 'This list does not exist',
        description: 'It may have been deleted, or the link is wrong. Its contacts are still in Contacts.',
      }}
    >
      {(l) => <ListDetails list={l} />}
    </RecordPage>
  );
}
