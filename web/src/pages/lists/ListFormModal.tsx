import { useEffect } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useSaveList, type ContactList } from '../../api/lists';
import { useWorkspace } from '../../auth/workspace-context';
import { showInForm } from '../../form-errors';
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
  const form = useForm({
    initialValues: { name: '', description: '' },
    transformValues: (v) => ({ name: v.name.trim(), description: v.description.trim() }),
  });
  const save = useSaveList(slug, list?.id);

  // Each opening starts from the list as it is now.
  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (!opened) return;
    const values = { name: list?.name ?? '', description: list?.description ?? '' };
    setValues(values);
    resetDirty(values);
  }, [opened, list, setValues, resetDirty]);

  function close() {
    save.reset();
    form.clearErrors();
    onClose();
  }

  const submit = form.onSubmit((input) =>
    save.mutate(input, {
      onSuccess: (saved) => {
        notifySuccess(list ? 'List saved' : `List “${saved.name}” created`);
        close();
        onSaved?.(saved);
      },
      onError: (error) => {
        if (!showInForm(form, error, FIELDS)) notifyError(error, list ? 'Could not save the list' : 'Could not create the list');
      },
    }),
  );

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650}>{list ? 'Edit list' : 'New list'}</Text>}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput label="Name" placeholder="Webinar attendees – March" required data-autofocus {...form.getInputProps('name')} />
          <Textarea
            label="Description"
            description="Who is on it and what it is for, so the team knows when to use it."
            autosize
            minRows={2}
            {...form.getInputProps('description')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!form.values.name.trim()}>
              {list ? 'Save' : 'Create list'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
