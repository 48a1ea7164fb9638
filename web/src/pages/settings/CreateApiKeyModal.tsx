import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCreateApiKey } from '../../api/api-keys';
import type { NewApiKey, Role } from '../../api/types';
import { roleOptions } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { showInForm } from '../../form-errors';
import { notifyError } from '../../notify';

const FIELDS = { name: 'Name', role: 'Role' };

interface Props {
  opened: boolean;
  onClose: () => void;
  onCreated: (key: NewApiKey) => void;
}

export function CreateApiKeyModal({ opened, onClose, onCreated }: Props) {
  const { slug, grantable_roles } = useWorkspace();
  const form = useForm({
    initialValues: { name: '', role: 'marketer' as Role },
    transformValues: (v) => ({ name: v.name.trim(), role: v.role }),
  });
  const create = useCreateApiKey(slug);

  function close() {
    form.reset();
    create.reset();
    onClose();
  }

  const submit = form.onSubmit((input) =>
    create.mutate(input, {
      onSuccess: (key) => {
        close();
        onCreated(key);
      },
      onError: (error) => {
        if (!showInForm(form, error, FIELDS)) notifyError(error, 'Could not create the key');
      },
    }),
  );

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
            {...form.getInputProps('name')}
          />
          <Select
            label="Role"
            description="The key can do what a user with this role can do. Marketer is enough to send leads."
            data={roleOptions(grantable_roles)}
            allowDeselect={false}
            {...form.getInputProps('role')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!form.values.name.trim()}>
              Create key
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
