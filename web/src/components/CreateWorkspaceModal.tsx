import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { sessionKey } from '../api/auth';
import type { Session } from '../api/types';
import { createWorkspace } from '../api/workspaces';
import { formErrors, shownInForm } from '../form-errors';
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
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugTouched, setSlugTouched] = useState(false);

  const create = useMutation({
    mutationFn: () => createWorkspace({ name: name.trim(), slug }),
    onSuccess: (workspace) => {
      // Show the new workspace in the switcher at once, then confirm with the server.
      queryClient.setQueryData<Session>(sessionKey, (s) =>
        s && { ...s, workspaces: [...s.workspaces, { id: workspace.id, slug: workspace.slug, name: workspace.name, role: workspace.role }] },
      );
      void queryClient.invalidateQueries({ queryKey: sessionKey });
      notifySuccess(`Workspace “${workspace.name}” created`);
      close();
      void navigate(`/w/${workspace.slug}`);
    },
    onError: (error) => {
      if (!shownInForm(error, FIELDS)) notifyError(error, 'Could not create the workspace');
    },
  });

  function close() {
    setName('');
    setSlug('');
    setSlugTouched(false);
    create.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  const errors = formErrors(create.error, FIELDS);

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650}>Create workspace</Text>}>
      <form onSubmit={submit}>
        <Stack>
          <Text fz="sm" c="dimmed">
            A workspace keeps its own contacts, forms, emails and team — one per brand or client.
          </Text>
          <TextInput
            label="Name"
            placeholder="Acme Marketing"
            required
            data-autofocus
            value={name}
            error={errors.name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              if (!slugTouched) setSlug(slugify(e.currentTarget.value));
            }}
          />
          <TextInput
            label="Slug"
            description={`Used in links: ${window.location.host}/w/${slug || 'your-slug'}`}
            placeholder="acme-marketing"
            required
            value={slug}
            error={errors.slug}
            pattern="[a-z0-9][a-z0-9\-]{0,62}"
            title="Lowercase letters, digits and dashes, starting with a letter or digit"
            onChange={(e) => {
              setSlugTouched(true);
              setSlug(e.currentTarget.value.toLowerCase());
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
