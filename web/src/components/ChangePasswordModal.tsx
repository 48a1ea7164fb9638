import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { changePassword } from '../api/auth';
import { formErrors, shownInForm } from '../form-errors';
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
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  // Client-side errors show from the first submit on, not while the user is still typing.
  const [submitted, setSubmitted] = useState(false);

  const change = useMutation({
    mutationFn: () => changePassword(current, next),
    onSuccess: () => {
      notifySuccess('Password changed. Your other sessions were signed out.');
      close();
    },
    onError: (error) => {
      if (!shownInForm(error, FIELDS)) notifyError(error, 'Could not change the password');
    },
  });

  function close() {
    setCurrent('');
    setNext('');
    setRepeat('');
    setSubmitted(false);
    change.reset();
    onClose();
  }

  /** Wraps a setter so editing a field clears the server's verdict on the previous attempt. */
  function edit(set: (value: string) => void) {
    return (event: { currentTarget: HTMLInputElement }) => {
      set(event.currentTarget.value);
      if (change.isError) change.reset();
    };
  }

  const nextError =
    submitted && next.length < MIN_PASSWORD_LENGTH ? `Use at least ${MIN_PASSWORD_LENGTH} characters` : undefined;
  const repeatError = submitted && repeat !== next ? 'Does not match the new password' : undefined;
  const serverErrors = formErrors(change.error, FIELDS);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!current || next.length < MIN_PASSWORD_LENGTH || repeat !== next) return;
    change.mutate();
  }

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
            value={current}
            error={serverErrors.current_password ?? (submitted && !current ? 'Enter your current password' : undefined)}
            onChange={edit(setCurrent)}
          />
          <PasswordInput
            label="New password"
            description={`At least ${MIN_PASSWORD_LENGTH} characters`}
            autoComplete="new-password"
            required
            visibilityToggleButtonProps={toggleProps}
            value={next}
            error={nextError ?? serverErrors.new_password}
            onChange={edit(setNext)}
          />
          <PasswordInput
            label="Repeat new password"
            autoComplete="new-password"
            required
            visibilityToggleButtonProps={toggleProps}
            value={repeat}
            error={repeatError}
            onChange={edit(setRepeat)}
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
