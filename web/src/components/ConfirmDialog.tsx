import type { ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';

interface Props {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  loading?: boolean;
  /** Keeps the red button off until the user has done what the dialog asks (typed a name). */
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** A destructive action asked twice: the red button names exactly what will happen. */
export function ConfirmDialog({ opened, title, children, confirmLabel, loading, confirmDisabled, onConfirm, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>{title}</Text>} size="md">
      <Stack>
        <Text fz="sm" component="div">
          {children}
        </Text>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" loading={loading} disabled={confirmDisabled} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
