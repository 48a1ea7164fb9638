import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { startBulkAction, type BulkAction, type Contact, type ContactFilters } from '../../api/contacts';
import { membersQuery } from '../../api/members';
import { useWorkspace } from '../../auth/workspace-context';
import { STAGE_OPTIONS } from '../../contact-fields';
import { plural } from '../../format';
import { notifyError } from '../../notify';

export type SetMode = 'stage' | 'owner';

const NO_OWNER = '__none__';

/** Sets the lifecycle stage or the owner of the selected contacts, on the server, as a bulk action. */
export function SetStageOrOwnerModal({
  mode,
  contacts,
  matching,
  onClose,
  onStarted,
}: {
  mode: SetMode | null;
  contacts: Contact[];
  matching: { filters: ContactFilters; count: number } | null;
  onClose: () => void;
  onStarted: (action: BulkAction) => void;
}) {
  const { slug } = useWorkspace();
  const [value, setValue] = useState<string | null>(null);
  const members = useQuery({ ...membersQuery(slug), enabled: mode === 'owner' });
  const count = matching ? matching.count : contacts.length;

  const bulk = useMutation({
    mutationFn: () =>
      startBulkAction(
        slug,
        matching ? matching.filters : {},
        mode === 'stage' ? { action: 'set_stage', lifecycle_stage: value as Contact['lifecycle_stage'] } : { action: 'set_owner', owner_id: value === NO_OWNER ? null : value },
        matching ? undefined : contacts.map((c) => c.id),
      ),
    onSuccess: (action) => {
      close();
      onStarted(action);
    },
    onError: (error) => notifyError(error, mode === 'stage' ? 'Could not change the stage' : 'Could not change the owner'),
  });

  function close() {
    setValue(null);
    bulk.reset();
    onClose();
  }

  const owners = [{ value: NO_OWNER, label: 'No owner' }, ...(members.data ?? []).map((m) => ({ value: m.user_id, label: m.name || m.email }))];
  return (
    <Modal opened={mode !== null} onClose={close} title={<Text fw={650}>{mode === 'stage' ? 'Set lifecycle stage' : 'Set owner'}</Text>}>
      <Stack>
        <Text fz="sm" c="dimmed">
          {mode === 'stage'
            ? `Every one of the ${plural(count, 'selected contact')} moves to this stage, whatever stage it is at now; the change is on each contact’s timeline.`
            : `Every one of the ${plural(count, 'selected contact')} gets this owner; the change is on each contact’s timeline.`}
        </Text>
        <Select
          label={mode === 'stage' ? 'Stage' : 'Owner'}
          placeholder={mode === 'stage' ? 'Pick a stage' : 'Pick a member'}
          data={mode === 'stage' ? STAGE_OPTIONS : owners}
          value={value}
          onChange={setValue}
          searchable={mode === 'owner'}
          comboboxProps={{ keepMounted: false }}
          data-autofocus
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button disabled={value === null} loading={bulk.isPending} onClick={() => bulk.mutate()}>
            {mode === 'stage' ? 'Set stage' : 'Set owner'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
