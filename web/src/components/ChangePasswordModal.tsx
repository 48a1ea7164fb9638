import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useChangePassword } from '../api/auth';
import { showInForm } from '../form-errors';
import { notifyError, notifySuccess } from '../notify';

/** The server's rule too; checked here so a typo costs no round trip (and no rate-limit strike). */
const MIN_PASSWORD_LENGTH = 8;

// Worded to read well before the server's messages: "That password is not your current password".
const FIELDS = { current_password: 'That password', new_password: 'The new password' };

const toggleProps = { 'aria-label': 'Show or hide the characters' };

interface Props {
  /** The signed-in user's email, for password managers to file the new password under. */
  email: string;
  opened: boolean;
  onClose: () => void;
}

export function ChangePasswordModal({ email, opened, onClose }: Props) {
  // Named as the server names them, so its errors land on the right field.
  const form = useForm({
    initialValues: { current_password: '', new_password: '', repeat: '' },
    validate: {
      current_password: (v) => (v ? null : 'Enter your current password'),
      new_password: (v) => (v.length >= MIN_PASSWORD_LENGTH ? null : `Use at least ${MIN_PASSWORD_LENGTH} characters`),
      repeat: (v, values) => (v === values.new_password ? null : 'Does not match the new password'),
    },
  });
  const change = useChangePassword();

  function close() {
    form.reset();
    change.reset();
    onClose();
  }

  const submit = form.onSubmit(({ current_password, new_password }) =>
    change.mutate(
      { current: current_password, next: new_password },
      {
        onSuccess: () => {
          notifySuccess('Password changed. Your other sessions were signed out.');
          close();
        },
        onError: (error) => {
          if (!showInForm(form, error, FIELDS)) notifyError(error, 'Could not change the password');
        },
      },
    ),
  );

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650}>Change password</Text>}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text fz="sm" c="dimmed">
            Other browsers and devices signed in as you will be signed out; this one stays signed in.
          </Text>
          {/* Lets password managers tell whose password this is. */}
          <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            data-autofocus
            visibilityToggleButtonProps={toggleProps}
            {...form.getInputProps('current_password')}
          />
          <PasswordInput
            label="New password"
            description={`At least ${MIN_PASSWORD_LENGTH} characters`}
            autoComplete="new-password"
            required
            visibilityToggleButtonProps={toggleProps}
            {...form.getInputProps('new_password')}
          />
          <PasswordInput
            label="Repeat new password"
            autoComplete="new-password"
            required
            visibilityToggleButtonProps={toggleProps}
            {...form.getInputProps('repeat')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
