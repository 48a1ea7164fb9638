import { useState, type FormEvent } from 'react';
import { Button, Code, Group, Modal, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useCreateCustomField, type CustomFieldType } from '../../api/custom-fields';
import { useWorkspace } from '../../auth/workspace-context';
import { formErrors, shownInForm } from '../../form-errors';
import { notifyError, notifySuccess } from '../../notify';
import { CUSTOM_TYPE_LABELS, keyFromLabel } from '../../contact-fields';

const FIELDS = { label: 'Label', key: 'Key', type: 'Type', options: 'Options' };

const TYPE_HINTS: Record<CustomFieldType, string> = {
  text: 'Any text, up to 10,000 characters.',
  number: 'A number: budget, employees, visits.',
  date: 'A calendar date, stored as YYYY-MM-DD.',
  boolean: 'Yes or no.',
  select: 'One value from a list you define.',
  multiselect: 'Any number of values from a list you define.',
};

const TYPE_OPTIONS = (Object.keys(CUSTOM_TYPE_LABELS) as CustomFieldType[]).map((t) => ({ value: t, label: CUSTOM_TYPE_LABELS[t] }));

export function CreateCustomFieldModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { slug } = useWorkspace();
  const [label, setLabel] = useState('');
  const [key, setKey] = useState('');
  const [keyEdited, setKeyEdited] = useState(false);
  const [type, setType] = useState<CustomFieldType>('text');
  const [options, setOptions] = useState<string[]>([]);
  const withOptions = type === 'select' || type === 'multiselect';

  const create = useCreateCustomField(slug);

  function close() {
    setLabel('');
    setKey('');
    setKeyEdited(false);
    setType('text');
    setOptions([]);
    create.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { label: label.trim(), key, type, ...(withOptions ? { options } : {}) },
      {
        onSuccess: (field) => {
          notifySuccess(`“${field.label}” can now be filled in on every contact`);
          close();
        },
        onError: (error) => {
          if (!shownInForm(error, FIELDS)) notifyError(error, 'Could not create the field');
        },
      },
    );
  }

  const errors = formErrors(create.error, FIELDS);
  const keyValid = /^[a-z][a-z0-9_]{0,62}$/.test(key);

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650}>New contact field</Text>}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            label="Label"
            description="What your team sees on contact pages and in the table."
            placeholder="Annual budget"
            required
            data-autofocus
            value={label}
            error={errors.label}
            onChange={(e) => {
              const next = e.currentTarget.value;
              setLabel(next);
              if (!keyEdited) setKey(keyFromLabel(next));
            }}
          />
          <TextInput
            label="Key"
            description={
              <>
                The name in the API, imports and filters (<Code fz="xs">custom.{key || 'key'}</Code>). Lower-case
                letters, digits and _; it cannot be changed later.
              </>
            }
            required
            styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
            value={key}
            error={errors.key ?? (key && !keyValid ? 'Key must start with a letter and hold only a–z, 0–9 and _' : undefined)}
            onChange={(e) => {
              setKey(e.currentTarget.value);
              setKeyEdited(true);
            }}
          />
          <Select
            label="Type"
            description={TYPE_HINTS[type]}
            data={TYPE_OPTIONS}
            value={type}
            allowDeselect={false}
            error={errors.type}
            onChange={(value) => value && setType(value as CustomFieldType)}
          />
          {withOptions && (
            <TagsInput
              label="Options"
              description="Type each choice and press Enter."
              placeholder={options.length ? undefined : 'Starter, Growth, Enterprise'}
              value={options}
              error={errors.options}
              onChange={setOptions}
              acceptValueOnBlur
              splitChars={[',']}
              required
            />
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!label.trim() || !keyValid || (withOptions && options.length === 0)}>
              Create field
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
