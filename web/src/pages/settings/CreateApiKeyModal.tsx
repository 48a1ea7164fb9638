import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiKeysKey, createApiKey } from '../../api/api-keys';
import type { NewApiKey, Role } from '../../api/types';
import { assignableRoles, roleOptions } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { formErrors, shownInForm } from '../../form-errors';
import { notifyError } from '../../notify';

const FIELDS = { name: 'Name', role: 'Role' };

interface Props {
  opened: boolean;
  onClose: () => void;
  onCreated: (key: NewApiKey) => void;
}

export function CreateApiKeyModal({ opened, onClose, onCreated }: Props) {
  const { slug, role: myRole } = useWorkspace();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('marketer');

  const create = useMutation({
    mutationFn: () => createApiKey(slug, { name: name.trim(), role }),
    onSuccess: (key) => {
      void queryClient.invalidateQueries({ queryKey: apiKeysKey(slug) });
      close();
      onCreated(key);
    },
    onError: (error) => {
      if (!shownInForm(error, FIELDS)) notifyError(error, 'Could not create the key');
    },
  });

  function close() {
    setName('');
    setRole('marketer');
    create.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  const errors = formErrors(create.error, FIELDS);

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650}>Create API key</Text>}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            label="Name"
            description="Say where it will be used, so you know what breaks if you revoke it."
            placeholder="Website sign-up form"
            required
            data-autofocus
            value={name}
            error={errors.name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Select
            label="Role"
            description="The key can do what a user with this role can do. Marketer is enough to send leads."
            data={roleOptions(assignableRoles(myRole))}
            value={role}
            allowDeselect={false}
            error={errors.role}
            onChange={(value) => value && setRole(value as Role)}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
              Create key
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
