import { ActionIcon, Button, Group, Input, Stack, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { keyFromLabel } from '../../../contact-fields';
import { uniqueKey } from './field-kinds';
import { SortableList } from './SortableList';

export interface ChoiceOption {
  value: string;
  label: string;
}

/** A choice field's options: label shown, value sent; added, removed and dragged into order. */
export function OptionsEditor({ options, error, onChange, readOnly }: { options: readonly ChoiceOption[]; error: string | undefined; onChange: (options: ChoiceOption[]) => void; readOnly: boolean }) {
  const set = (i: number, patch: Partial<ChoiceOption>) => onChange(options.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  const add = () => {
    const label = `Option ${options.length + 1}`;
    onChange([...options, { label, value: uniqueKey(keyFromLabel(label), new Set(options.map((o) => o.value))) }]);
  };
  const move = (from: number, to: number) => {
    const next = [...options];
    next.splice(to, 0, ...next.splice(from, 1));
    onChange(next);
  };
  return (
    <Input.Wrapper label="Options" description="The label people see, and the value stored and sent." error={error}>
      <Stack gap={6} mt={6}>
        <SortableList items={options.map((o, i) => ({ o, id: `option-${i}` }))} idOf={(x) => x.id} nameOf={(x) => x.o.label} onMove={move} disabled={readOnly} gap={6}>
          {({ o }, handle, i) => (
            <Group gap={6} wrap="nowrap">
              {handle.grip}
              <TextInput aria-label={`Option ${i + 1} label`} placeholder="Label" value={o.label} onChange={(e) => set(i, { label: e.currentTarget.value })} style={{ flex: 3 }} size="xs" />
              <TextInput aria-label={`Option ${i + 1} value`} placeholder="Value" value={o.value} onChange={(e) => set(i, { value: e.currentTarget.value })} style={{ flex: 2 }} size="xs" styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} />
              <ActionIcon variant="subtle" color="gray" aria-label={`Remove option ${o.label}`} disabled={options.length <= 1} onClick={() => onChange(options.filter((_, j) => j !== i))}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          )}
        </SortableList>
        <Group>
          <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={add} disabled={readOnly}>
            Add option
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
