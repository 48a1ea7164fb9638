import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { formQueries } from '../../api/forms';
import { useCreatePopup } from '../../api/popups';
import { useWorkspace } from '../../auth/workspace-context';
import { showInForm } from '../../form-errors';
import { notifyError } from '../../notify';

/** A name and the form to show: the pop-up starts as a draft with sensible settings, and opens in its editor. */
export function NewPopupModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { slug } = useWorkspace();
  const navigate = useNavigate();
  const forms = useQuery(formQueries.all(slug));
  const create = useCreatePopup(slug);
  const form = useForm({ initialValues: { name: '', form_id: null as string | null }, validate: { name: (v) => (v.trim() ? null : 'Give the pop-up a name') } });
  const liveForms = (forms.data ?? []).filter((f) => f.status === 'live');

  const submit = form.onSubmit(async (values) => {
    try {
      const popup = await create.mutateAsync({ name: values.name.trim(), form_id: values.form_id });
      onClose();
      form.reset();
      void navigate(`/w/${slug}/capture/popups/${popup.id}`);
    } catch (error) {
      if (!showInForm(form, error, { name: 'Name', form_id: 'Form' })) notifyError(error, 'The pop-up could not be created');
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title="New pop-up">
      <form onSubmit={submit}>
        <Stack>
          <TextInput label="Name" description="For you: visitors never see it." placeholder="Blog exit offer" data-autofocus {...form.getInputProps('name')} />
          <Select
            label="Form"
            description="The form the pop-up shows. Only published forms can be shown."
            placeholder={liveForms.length ? 'Choose a form' : 'No published form yet'}
            data={liveForms.map((f) => ({ value: f.id, label: f.name }))}
            searchable
            clearable
            {...form.getInputProps('form_id')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create pop-up
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
