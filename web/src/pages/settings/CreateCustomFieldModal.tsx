import { useRef } from 'react';
import { Button, Code, Group, Modal, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCreateCustomField, type CustomFieldType } from '../../api/custom-fields';
import { useWorkspace } from '../../auth/workspace-context';
import { showInForm } from '../../form-errors';
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

/** The server's rule for a key; checked here so the mistake shows while typing. */
const KEY_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;

const takesOptions = (type: CustomFieldType) => type === 'select' || type === 'multiselect';

const TYPE_OPTIONS = (Object.keys(CUSTOM_TYPE_LABELS) as CustomFieldType[]).map((t) => ({ value: t, label: CUSTOM_TYPE_LABELS[t] }));

export function CreateCustomFieldModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { slug } = useWorkspace();
  // The key follows the label until the user types one of their own.
  const keyEdited = useRef(false);
  const form = useForm({
    initialValues: { label: '', key: '', type: 'text' as CustomFieldType, options: [] as string[] },
    // An empty key is left to `required`, so clearing the box does not shout.
    validate: { key: (key) => (key && !KEY_PATTERN.test(key) ? 'Key must start with a letter and hold only a–z, 0–9 and _' : null) },
    validateInputOnChange: ['key'],
    onValuesChange: (values, previous) => {
      if (values.label !== previous.label && !keyEdited.current) form.setFieldValue('key', keyFromLabel(values.label));
    },
    transformValues: ({ label, key, type, options }) => ({ label: label.trim(), key, type, ...(takesOptions(type) ? { options } : {}) }),
  });
  const create = useCreateCustomField(slug);

  function close() {
    keyEdited.current = false;
    form.reset();
    create.reset();
    onClose();
  }

  const submit = form.onSubmit((input) =>
    create.mutate(input, {
      onSuccess: (field) => {
        notifySuccess(`“${field.label}” can now be filled in on every contact`);
        close();
      },
      onError: (error) => {
        if (!showInForm(form, error, FIELDS)) notifyError(error, 'Could not create the field');
      },
    }),
  );

  const { label, key, type, options } = form.values;
  const withOptions = takesOptions(type);

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
            {...form.getInputProps('label')}
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
            {...form.getInputProps('key')}
            onChange={(e) => {
              keyEdited.current = true;
              form.setFieldValue('key', e.currentTarget.value);
            }}
          />
          <Select
            label="Type"
            description={TYPE_HINTS[type]}
            data={TYPE_OPTIONS}
            allowDeselect={false}
            {...form.getInputProps('type')}
          />
          {withOptions && (
            <TagsInput
              label="Options"
              description="Type each choice and press Enter."
              placeholder={options.length ? undefined : 'Starter, Growth, Enterprise'}
              acceptValueOnBlur
              splitChars={[',']}
              required
              {...form.getInputProps('options')}
            />
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!label.trim() || !KEY_PATTERN.test(key) || (withOptions && options.length === 0)}>
              Create field
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
