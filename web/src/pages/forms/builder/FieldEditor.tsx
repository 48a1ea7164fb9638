import { Alert, Anchor, Badge, Button, Divider, Group, Paper, Stack, Switch, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { IconAlertCircle, IconChevronLeft, IconTrash } from '@tabler/icons-react';
import type { FormField } from '../../../api/forms';
import type { Item, ListName } from './draft-state';
import { KINDS } from './field-kinds';
import { KindSettings } from './KindSettings';
import { TargetSelect } from './TargetSelect';
import type { DraftEditor } from './use-draft-editor';

// Kinds whose input shows no placeholder text.
const NO_PLACEHOLDER = new Set<FormField['kind']>(['checkbox', 'consent', 'hidden', 'multiselect', 'date']);

/** The selected field's editor: what everyone has (label, key, help, required, where it goes), then what its kind has. */
export function FieldEditor({ editor, list, item, readOnly }: { editor: DraftEditor; list: ListName; item: Item; readOnly: boolean }) {
  const { field } = item;
  const errors = editor.problems.fields[item.uid] ?? {};
  const kind = KINDS[field.kind];
  const set = (patch: Partial<FormField>) => editor.updateField(list, item.uid, (f) => ({ ...f, ...patch }) as FormField);
  const text = (value: string) => (value === '' ? undefined : value);
  const back = () => editor.select(null);
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap">
          <Anchor component="button" type="button" fz="sm" onClick={back}>
            <Group gap={4}>
              <IconChevronLeft size={16} /> {list === 'fields' ? 'All fields' : 'Fields and queue'}
            </Group>
          </Anchor>
          {!readOnly && (
            <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} />} onClick={() => editor.removeField(list, item.uid)}>
              Remove field
            </Button>
          )}
        </Group>
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" size={38} radius="md">
            <kind.icon size={20} stroke={1.7} />
          </ThemeIcon>
          <div style={{ minWidth: 0 }}>
            <Title order={3} fz="md" lineClamp={1}>
              {field.label || 'Untitled field'}
            </Title>
            <Group gap={6}>
              <Badge variant="light" color="gray" radius="sm" tt="none">
                {kind.label}
              </Badge>
              {list === 'queue' && (
                <Badge variant="light" color="grape" radius="sm" tt="none">
                  Progressive queue
                </Badge>
              )}
            </Group>
          </div>
        </Group>
        {(errors[''] ?? errors.kind) && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
            {errors[''] ? `This field ${errors['']}` : `${errors.kind!.charAt(0).toUpperCase()}${errors.kind!.slice(1)}.`}
          </Alert>
        )}
        <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Stack gap="sm">
            <TextInput label={field.kind === 'consent' ? 'Name (for reports)' : 'Label'} value={field.label} onChange={(e) => editor.setLabel(list, item.uid, e.currentTarget.value)} error={errors.label} required />
            <TextInput
              label="Key"
              description="The answer’s name in posts, exports and the API: lower case, digits and _."
              value={field.key}
              onChange={(e) => editor.setKey(list, item.uid, e.currentTarget.value)}
              error={errors.key}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              required
            />
            {!NO_PLACEHOLDER.has(field.kind) && <TextInput label="Placeholder" value={field.placeholder ?? ''} onChange={(e) => set({ placeholder: text(e.currentTarget.value) })} error={errors.placeholder} />}
            {field.kind !== 'hidden' && <TextInput label="Help text" description="Shown under the field." value={field.help ?? ''} onChange={(e) => set({ help: text(e.currentTarget.value) })} error={errors.help} />}
            {field.kind !== 'hidden' && (
              <Switch
                label="Required"
                description={field.kind === 'email' ? 'The email is who the contact is: always required.' : field.kind === 'consent' ? 'Only when the form cannot be sent without this consent.' : undefined}
                checked={field.required}
                disabled={field.kind === 'email' && field.required}
                onChange={(e) => set({ required: e.currentTarget.checked })}
                error={errors.required}
              />
            )}
            {field.kind === 'consent' ? (
              <Text fz="xs" c="dimmed">
                Each ticked box is recorded as a consent of the contact, with this text, the time and the page.
              </Text>
            ) : (
              <TargetSelect field={field} error={errors.maps_to} onChange={(maps_to) => set({ maps_to })} />
            )}
            <Divider label={`${kind.label} settings`} labelPosition="left" mt="xs" />
            <KindSettings field={field} set={set} errors={errors} readOnly={readOnly} />
          </Stack>
        </fieldset>
      </Stack>
    </Paper>
  );
}
