import { useState } from 'react';
import { ActionBar, Button, Group, Menu, Modal, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { IconChevronUp, IconDownload, IconPencil, IconPlaylistAdd, IconPlaylistX, IconStairsUp, IconTagMinus, IconTagPlus, IconTrash, IconUserCheck } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  contactsKey,
  contactsExportPath,
  startBulkAction,
  type BulkAction,
  type Contact,
  type ContactFilters,
} from '../../api/contacts';
import { downloadFile } from '../../api/client';
import { addToList, createList, listsKey, removeFromList, type ContactList } from '../../api/lists';
import { useCan } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { notifyError, notifySuccess } from '../../notify';
import { BulkProgressModal } from './BulkProgressModal';
import { SetStageOrOwnerModal, type SetMode } from './SetStageOrOwnerModal';
import { plural } from '../../format';

const NEW_LIST = '__new__';

function TagModal({
  mode,
  contacts,
  suggestions,
  matching,
  onClose,
  onStarted,
}: {
  mode: 'add' | 'remove' | null;
  contacts: Contact[];
  suggestions: string[];
  matching: Matching | null;
  onClose: () => void;
  onStarted: (action: BulkAction) => void;
}) {
  const { slug } = useWorkspace();
  const [tags, setTags] = useState<string[]>([]);
  const onSelected = matching ? suggestions : [...new Set(contacts.flatMap((c) => c.tags))].sort((a, b) => a.localeCompare(b));
  const count = matching ? matching.count : contacts.length;

  // Ticked rows and "all matching" alike: the server changes them, with no read-then-write here.
  const bulk = useMutation({
    mutationFn: () =>
      startBulkAction(slug, matching ? matching.filters : {}, { action: mode === 'add' ? 'add_tags' : 'remove_tags', tags }, matching ? undefined : contacts.map((c) => c.id)),
    onSuccess: (action) => {
      close();
      onStarted(action);
    },
    onError: (error) => notifyError(error, 'Could not change the tags'),
  });

  function close() {
    setTags([]);
    bulk.reset();
    onClose();
  }

  const adding = mode === 'add';
  return (
    <Modal
      opened={mode !== null}
      onClose={close}
      title={<Text fw={650}>{adding ? 'Add tags' : 'Remove tags'}</Text>}
    >
      <Stack>
        <Text fz="sm" c="dimmed">
          {adding
            ? `The tags are added to ${plural(count, 'selected contact')}; tags they already have stay.`
            : `The tags are removed from each of the ${plural(count, 'selected contact')} that has them.`}
        </Text>
        <TagsInput
          label="Tags"
          description={adding ? 'Type a tag and press Enter; pick an existing one to reuse its spelling.' : undefined}
          placeholder={tags.length ? undefined : adding ? 'webinar-2025' : 'Pick tags to remove'}
          data={adding ? suggestions : onSelected}
          // Opening upwards keeps the suggestions off the buttons below, where a click would pick a tag.
          comboboxProps={{ position: 'top', keepMounted: false }}
          maxDropdownHeight={200}
          value={tags}
          onChange={setTags}
          data-autofocus
          acceptValueOnBlur
        />
        {!adding && !matching && onSelected.length === 0 && (
          <Text fz="sm" c="dimmed">
            None of the selected contacts has a tag.
          </Text>
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            color={adding ? undefined : 'red'}
            disabled={tags.length === 0}
            loading={bulk.isPending}
            onClick={() => bulk.mutate()}
          >
            {adding ? 'Add tags' : 'Remove tags'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ListModal({
  opened,
  contacts,
  lists,
  matching,
  onClose,
  onDone,
  onStarted,
}: {
  opened: boolean;
  contacts: Contact[];
  lists: ContactList[];
  matching: Matching | null;
  onClose: () => void;
  onDone: () => void;
  onStarted: (action: BulkAction, listName: string) => void;
}) {
  const { slug } = useWorkspace();
  const queryClient = useQueryClient();
  const [listId, setListId] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const canCreate = useCan('marketing.write');
  const creatingNew = listId === NEW_LIST;

  const bulk = useMutation({
    mutationFn: async () => {
      const list = creatingNew ? await createList(slug, { name: newName.trim() }) : lists.find((l) => l.id === listId)!;
      return { list, action: await startBulkAction(slug, matching!.filters, { action: 'add_to_list', list_id: list.id }) };
    },
    onSuccess: ({ list, action }) => {
      void queryClient.invalidateQueries({ queryKey: listsKey(slug) });
      close();
      onStarted(action, list.name);
    },
    onError: (error) => notifyError(error, 'Could not add the contacts to the list'),
  });
  const run = useMutation({
    mutationFn: async () => {
      const list = creatingNew ? await createList(slug, { name: newName.trim() }) : lists.find((l) => l.id === listId)!;
      const result = await addToList(slug, list.id, contacts.map((c) => c.id));
      return { list, ...result };
    },
    onSuccess: ({ list, added, already }) => {
      void queryClient.invalidateQueries({ queryKey: listsKey(slug) });
      notifySuccess(
        `${plural(added, 'contact')} added to “${list.name}”${already ? ` (${plural(already, 'was', 'were')} already on it)` : ''}`,
      );
      close();
      onDone();
    },
    onError: (error) => notifyError(error, 'Could not add the contacts to the list'),
  });

  function close() {
    setListId(null);
    setNewName('');
    run.reset();
    bulk.reset();
    onClose();
  }

  const options = [
    ...lists.map((l) => ({ value: l.id, label: `${l.name} (${l.member_count.toLocaleString()})` })),
    ...(canCreate ? [{ value: NEW_LIST, label: '+ New list…' }] : []),
  ];
  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650}>Add to list</Text>}>
      <Stack>
        <Text fz="sm" c="dimmed">
          {`${plural(matching ? matching.count : contacts.length, 'selected contact')} will be added; people already on the list stay once.`}
        </Text>
        <Select
          label="List"
          placeholder={lists.length ? 'Pick a list' : 'No lists yet'}
          data={options}
          value={listId}
          onChange={setListId}
          searchable
          data-autofocus
        />
        {creatingNew && (
          <TextInput label="Name of the new list" placeholder="Webinar attendees – March" value={newName} onChange={(e) => setNewName(e.currentTarget.value)} />
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            disabled={!listId || (creatingNew && !newName.trim())}
            loading={run.isPending || bulk.isPending}
            onClick={() => (matching ? bulk.mutate() : run.mutate())}
          >
            Add to list
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Every contact the filters match, picked at once ("select all 12,345 matching"). */
export interface Matching {
  filters: ContactFilters;
  count: number;
}

interface Props {
  selected: Contact[];
  /** Set when the selection is every contact the filters match: actions then run on the server. */
  matching: Matching | null;
  onClear: () => void;
  tagSuggestions: string[];
  lists: ContactList[];
  /** The list the table is filtered by: its members can be taken off it. */
  currentList: ContactList | null;
}

/** The bar that floats up when rows are ticked: tag, untag, export or delete them at once. */
export function BulkActions({ selected, matching, onClear, tagSuggestions, lists, currentList }: Props) {
  const { slug } = useWorkspace();
  const queryClient = useQueryClient();
  const [tagMode, setTagMode] = useState<'add' | 'remove' | null>(null);
  const [setMode, setSetMode] = useState<SetMode | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const canDelete = useCan('contacts.delete');
  const [listOpen, setListOpen] = useState(false);
  const [running, setRunning] = useState<{ action: BulkAction; listName: string | null } | null>(null);
  const count = matching ? matching.count : selected.length;
  const desktop = useMediaQuery('(min-width: 48em)');

  const refresh = () => void queryClient.invalidateQueries({ queryKey: contactsKey(slug) });

  const takeOff = useMutation({
    mutationFn: () => removeFromList(slug, currentList!.id, selected.map((c) => c.id)),
    onSuccess: ({ removed }) => {
      notifySuccess(`${plural(removed, 'contact')} taken off “${currentList!.name}”`);
      void queryClient.invalidateQueries({ queryKey: listsKey(slug) });
      onClear();
      refresh();
    },
    onError: (error) => notifyError(error, 'Could not take the contacts off the list'),
  });

  const exportSelected = useMutation({
    mutationFn: () =>
      matching
        ? downloadFile(contactsExportPath(matching.filters), slug, 'contacts.csv')
        : downloadFile('/api/v1/contacts/export', slug, 'contacts.csv', { ids: selected.map((c) => c.id) }),
    onError: (error) => notifyError(error, 'Could not export the contacts'),
  });

  const remove = useMutation({
    mutationFn: () => startBulkAction(slug, matching ? matching.filters : {}, { action: 'delete' }, matching ? undefined : selected.map((c) => c.id)),
    onSuccess: (action) => {
      setConfirmDelete(false);
      setRunning({ action, listName: null });
    },
    onError: (error) => notifyError(error, 'Could not delete the contacts'),
  });

  return (
    <>
      <ActionBar
        opened={count > 0 && tagMode === null && setMode === null && !confirmDelete && !listOpen && running === null}
        onClose={onClear}
        aria-label="Bulk actions"
        shadow="lg"
        radius="lg"
        // Centred on the page, not on the window: the navbar (248 px from the sm breakpoint) is not part of it.
        position={{ bottom: 24, left: desktop ? 248 : 0, right: 0 }}
      >
        <Text fz="sm" fw={600} px="xs" style={{ whiteSpace: 'nowrap' }}>
          {matching ? `All ${plural(count, 'matching contact')} selected` : `${plural(count, 'contact')} selected`}
        </Text>
        <ActionBar.Divider />
        <Button variant="subtle" color="gray" px={10} leftSection={<IconTagPlus size={16} />} onClick={() => setTagMode('add')}>
          Add tag
        </Button>
        <Button variant="subtle" color="gray" px={10} leftSection={<IconTagMinus size={16} />} onClick={() => setTagMode('remove')}>
          Remove tag
        </Button>
        <Button variant="subtle" color="gray" px={10} leftSection={<IconPlaylistAdd size={16} />} onClick={() => setListOpen(true)}>
          Add to list
        </Button>
        <Menu position="top" withinPortal>
          <Menu.Target>
            <Button variant="subtle" color="gray" px={10} leftSection={<IconPencil size={16} />} rightSection={<IconChevronUp size={14} />}>
              Set
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconStairsUp size={16} />} onClick={() => setSetMode('stage')}>
              Lifecycle stage…
            </Menu.Item>
            <Menu.Item leftSection={<IconUserCheck size={16} />} onClick={() => setSetMode('owner')}>
              Owner…
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
        {currentList && !matching && (
          <Button
            variant="subtle"
            color="gray"
            leftSection={<IconPlaylistX size={16} />}
            loading={takeOff.isPending}
            onClick={() => takeOff.mutate()}
          >
            Take off list
          </Button>
        )}
        <Button
          variant="subtle"
          color="gray"
          px={10}
          leftSection={<IconDownload size={16} />}
          loading={exportSelected.isPending}
          onClick={() => exportSelected.mutate()}
        >
          Export
        </Button>
        {canDelete && (
          <Button variant="subtle" color="red" px={10} leftSection={<IconTrash size={16} />} onClick={() => setConfirmDelete(true)}>
            Delete
          </Button>
        )}
        <ActionBar.Divider />
        <ActionBar.CloseButton aria-label="Clear selection" />
      </ActionBar>
      <TagModal
        mode={tagMode}
        contacts={selected}
        suggestions={tagSuggestions}
        matching={matching}
        onStarted={(action) => setRunning({ action, listName: null })}
        onClose={() => setTagMode(null)}
      />
      <SetStageOrOwnerModal
        mode={setMode}
        contacts={selected}
        matching={matching}
        onStarted={(action) => setRunning({ action, listName: null })}
        onClose={() => setSetMode(null)}
      />
      <ListModal
        opened={listOpen}
        contacts={selected}
        lists={lists}
        matching={matching}
        onStarted={(action, listName) => setRunning({ action, listName })}
        onClose={() => setListOpen(false)}
        onDone={() => {
          onClear();
          refresh();
        }}
      />
      <BulkProgressModal
        started={running?.action ?? null}
        listName={running?.listName ?? null}
        onFinished={() => {
          setRunning(null);
          onClear();
          refresh();
        }}
      />
      <ConfirmDialog
        opened={confirmDelete}
        title={`Delete ${plural(count, 'contact')}`}
        confirmLabel={`Delete ${plural(count, 'contact')}`}
        loading={remove.isPending}
        onClose={() => setConfirmDelete(false)}
        onConfirm={() => remove.mutate()}
      >
        {count === 1
          ? 'The selected contact goes to the trash for 30 days, with its timeline, lists and consents: until then it can be restored from '
          : `The ${plural(count, 'selected contact')} go to the trash for 30 days, with their timelines, lists and consents: until then they can be restored from `}
        <b>Contacts → Trash</b>; after that {count === 1 ? 'it is' : 'they are'} deleted for good. To keep someone from
        being contacted instead, turn on <b>Do not email</b> on their page.
      </ConfirmDialog>
    </>
  );
}
