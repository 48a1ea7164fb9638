import { useEffect, useState, type FormEvent } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createList, listKey, listsKey, patchList, type ContactList } from '../../api/lists';
import { useWorkspace } from '../../auth/workspace-context';
import { formErrors, shownInForm } from '../../form-errors';
import { notifyError, notifySuccess } from '../../notify';

const FIELDS = { name: 'Name', description: 'Description' };

interface Props {
  opened: boolean;
  onClose: () => void;
  /** Edit this list; without it the modal creates one. */
  list?: ContactList;
  onSaved?: (list: ContactList) => void;
}

/** Creates a list, or renames one and changes its description. */
export function ListFormModal({ opened, onClose, list, onSaved }: Props) {
  const { slug } = useWorkspace();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');

  useEffect(() => {
    if (opened) {
      setName(list?.name ?? '');
      setDescription(list?.description ?? '');
    }
  }, [opened, list]);

  const save = useMutation({
    mutationFn: () => {
      const input = { name: name.trim(), description: description.trim() };
      return list ? patchList(slug, list.id, input) : createList(slug, input);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: listsKey(slug) });
      queryClient.setQueryData(listKey(slug, saved.id), saved);
      notifySuccess(list ? 'List saved' : `List “${saved.name}” created`);
      close();
      onSaved?.(saved);
    },
    onError: (error) => {
      if (!shownInForm(error, FIELDS)) notifyError(error, list ? 'Could not save the list' : 'Could not create the list');
    },
  });

  function close() {
    save.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  const errors = formErrors(save.error, FIELDS);
  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650}>{list ? 'Edit list' : 'New list'}</Text>}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            label="Name"
            placeholder="Webinar attendees – March"
            required
            data-autofocus
            value={name}
            error={errors.name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Textarea
            label="Description"
            description="Who is on it and what it is for, so the team knows when to use it."
            autosize
            minRows={2}
            value={description}
            error={errors.description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!name.trim()}>
              {list ? 'Save' : 'Create list'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
