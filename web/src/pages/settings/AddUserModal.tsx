import { Button, Group, Modal, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useAddMember, type NewMember } from '../../api/members';
import type { Role } from '../../api/types';
import { roleOptions } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { showInForm } from '../../form-errors';
import { notifyError, notifySuccess } from '../../notify';

const FIELDS = { email: 'Email', name: 'Name', role: 'Role', password: 'Password' };

/** Only what was filled in: no name and no password are not empty ones. */
function memberInput(values: { email: string; name: string; role: Role; password: string }): NewMember {
  return {
    email: values.email.trim(),
    role: values.role,
    ...(values.name.trim() ? { name: values.name.trim() } : {}),
    ...(values.password ? { password: values.password } : {}),
  };
}

export function AddUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { slug, grantable_roles, name: workspaceName } = useWorkspace();
  const form = useForm({
    initialValues: { email: '', name: '', role: 'marketer' as Role, password: '' },
    transformValues: memberInput,
  });
  const add = useAddMember(slug);

  function close() {
    form.reset();
    add.reset();
    onClose();
  }

  const submit = form.onSubmit((input) =>
    add.mutate(input, {
      onSuccess: (member) => {
        notifySuccess(`${member.email} can now sign in to ${workspaceName}`);
        close();
      },
      onError: (error) => {
        if (!showInForm(form, error, FIELDS)) notifyError(error, 'Could not add the user');
      },
    }),
  );

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650}>Add user</Text>}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput label="Email" type="email" placeholder="colleague@company.com" required data-autofocus {...form.getInputProps('email')} />
          <TextInput label="Name" placeholder="Jamie Rivera" {...form.getInputProps('name')} />
          <Select label="Role" data={roleOptions(grantable_roles)} allowDeselect={false} {...form.getInputProps('role')} />
          <PasswordInput
            label="Initial password"
            description="At least 8 characters; share it with them privately. Leave empty if they already have an Inflow account on this server."
            autoComplete="new-password"
            visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the characters' }}
            {...form.getInputProps('password')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending} disabled={!form.values.email.trim()}>
              Add user
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
