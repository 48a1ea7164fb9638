import { useState } from 'react';
import { Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formQueries, useCreateForm, type Form } from '../../api/forms';
import { useWorkspace } from '../../auth/workspace-context';
import { notifyError, notifySuccess } from '../../notify';

/** Starts a form from one of the templates (contact sales, e-book, newsletter…). */
export function NewFormModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (form: Form) => void }) {
  const { slug } = useWorkspace();
  const templates = useQuery({ ...formQueries.templates(slug), enabled: opened });
  const [template, setTemplate] = useState<string | null>(null);
  const [name, setName] = useState('');
  const create = useCreateForm(slug);
  const chosen = templates.data?.find((t) => t.id === template);

  const submit = () =>
    create.mutate(
      { template: template as never, ...(name.trim() ? { name: name.trim() } : {}) },
      {
        onSuccess: (form) => {
          notifySuccess(`Form “${form.name}” created`);
          setTemplate(null);
          setName('');
          onCreated(form);
        },
        onError: (error) => notifyError(error, 'Could not create the form'),
      },
    );

  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={<Text fw={650}>New form</Text>}>
      <Stack>
        <Radio.Group label="Start from" value={template} onChange={setTemplate}>
          <Stack gap="xs" mt="xs">
            {(templates.data ?? []).map((t) => (
              <Radio.Card key={t.id} value={t.id} p="sm" radius="md" aria-label={t.name}>
                <Group wrap="nowrap" align="flex-start">
                  <Radio.Indicator />
                  <div>
                    <Text fw={600} fz="sm">
                      {t.name}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {t.description}
                    </Text>
                  </div>
                </Group>
              </Radio.Card>
            ))}
          </Stack>
        </Radio.Group>
        <TextInput label="Name" placeholder={chosen?.name ?? 'Contact sales'} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} disabled={!template} loading={create.isPending}>
            Create form
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
