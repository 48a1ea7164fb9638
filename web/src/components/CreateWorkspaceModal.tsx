import { useRef } from 'react';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { useCreateWorkspace } from '../api/workspaces';
import { showInForm } from '../form-errors';
import { notifyError, notifySuccess } from '../notify';

const FIELDS = { name: 'Name', slug: 'Slug' };

interface Props {
  opened: boolean;
  onClose: () => void;
}

/** "Acme Inc." → "acme-inc": the server's slug rule (lowercase letters, digits, dashes). */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

export function CreateWorkspaceModal({ opened, onClose }: Props) {
  const navigate = useNavigate();
  // The slug follows the name until the user types one of their own.
  const slugEdited = useRef(false);
  const form = useForm({
    initialValues: { name: '', slug: '' },
    onValuesChange: (values, previous) => {
      if (values.name !== previous.name && !slugEdited.current) form.setFieldValue('slug', slugify(values.name));
    },
  });
  const create = useCreateWorkspace();

  function close() {
    slugEdited.current = false;
    form.reset();
    create.reset();
    onClose();
  }

  const submit = form.onSubmit(({ name, slug }) =>
    create.mutate(
      { name: name.trim(), slug },
      {
        onSuccess: (workspace) => {
          notifySuccess(`Workspace “${workspace.name}” created`);
          close();
          void navigate(`/w/${workspace.slug}`);
        },
        onError: (error) => {
          if (!showInForm(form, error, FIELDS)) notifyError(error, 'Could not create the workspace');
        },
      },
    ),
  );
  const slug = form.values.slug;

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650}>Create workspace</Text>}>
      <form onSubmit={submit}>
        <Stack>
          <Text fz="sm" c="dimmed">
            A workspace keeps its own contacts, forms, emails and team — one per brand or client.
          </Text>
          <TextInput label="Name" placeholder="Acme Marketing" required data-autofocus {...form.getInputProps('name')} />
          <TextInput
            label="Slug"
            description={`Used in links: ${window.location.host}/w/${slug || 'your-slug'}`}
            placeholder="acme-marketing"
            required
            pattern="[a-z0-9][a-z0-9\-]{0,62}"
            title="Lowercase letters, digits and dashes, starting with a letter or digit"
            {...form.getInputProps('slug')}
            onChange={(e) => {
              slugEdited.current = true;
              form.setFieldValue('slug', e.currentTarget.value.toLowerCase());
            }}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create workspace
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
