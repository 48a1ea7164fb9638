import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useInvite } from '../../api/invitations';
import type { Role } from '../../api/types';
import { roleOptions } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { showInForm } from '../../form-errors';
import { notifyError, notifySuccess } from '../../notify';

const FIELDS = { email: 'Email', role: 'Role' };

/**
 * Invites by email: the person chooses their own name and password when they accept (or accepts
 * with the account they have). Nobody joins without saying yes.
 */
export function InviteUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { slug, grantable_roles } = useWorkspace();
  const form = useForm({
    initialValues: { email: '', role: 'marketer' as Role },
    transformValues: (values) => ({ email: values.email.trim(), role: values.role }),
  });
  const invite = useInvite(slug);

  function close() {
    form.reset();
    invite.reset();
    onClose();
  }

  const submit = form.onSubmit((input) =>
    invite.mutate(input, {
      onSuccess: (invitation) => {
        notifySuccess(`Invitation sent to ${invitation.email}`);
        close();
      },
      onError: (error) => {
        if (!showInForm(form, error, FIELDS)) notifyError(error, 'Could not invite');
      },
    }),
  );

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650}>Invite user</Text>}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput label="Email" type="email" placeholder="colleague@company.com" required data-autofocus {...form.getInputProps('email')} />
          <Select label="Role" data={roleOptions(grantable_roles)} allowDeselect={false} {...form.getInputProps('role')} />
          <Text fz="xs" c="dimmed">
            They get an email with a link that works for 7 days. Without an Inflow account they choose their name and
            password there; with one, they accept after signing in.
          </Text>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={invite.isPending} disabled={!form.values.email.trim()}>
              Send invitation
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
