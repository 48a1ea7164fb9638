import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { addMember, membersKey } from '../../api/members';
import type { Role } from '../../api/types';
import { assignableRoles, roleOptions } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { formErrors, shownInForm } from '../../form-errors';
import { notifyError, notifySuccess } from '../../notify';

const FIELDS = { email: 'Email', name: 'Name', role: 'Role', password: 'Password' };

export function AddUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { slug, role: myRole, name: workspaceName } = useWorkspace();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('marketer');
  const [password, setPassword] = useState('');

  const add = useMutation({
    mutationFn: () =>
      addMember(slug, {
        email: email.trim(),
        role,
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(password ? { password } : {}),
      }),
    onSuccess: (member) => {
      void queryClient.invalidateQueries({ queryKey: membersKey(slug) });
      notifySuccess(`${member.email} can now sign in to ${workspaceName}`);
      close();
    },
    onError: (error) => {
      if (!shownInForm(error, FIELDS)) notifyError(error, 'Could not add the user');
    },
  });

  function close() {
    setEmail('');
    setName('');
    setRole('marketer');
    setPassword('');
    add.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate();
  }

  const errors = formErrors(add.error, FIELDS);

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650}>Add user</Text>}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            label="Email"
            type="email"
            placeholder="colleague@company.com"
            required
            data-autofocus
            value={email}
            error={errors.email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <TextInput
            label="Name"
            placeholder="Jamie Rivera"
            value={name}
            error={errors.name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Select
            label="Role"
            data={roleOptions(assignableRoles(myRole))}
            value={role}
            allowDeselect={false}
            error={errors.role}
            onChange={(value) => value && setRole(value as Role)}
          />
          <PasswordInput
            label="Initial password"
            description="At least 8 characters; share it with them privately. Leave empty if they already have an Inflow account on this server."
            autoComplete="new-password"
            visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the characters' }}
            value={password}
            error={errors.password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending} disabled={!email.trim()}>
              Add user
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
