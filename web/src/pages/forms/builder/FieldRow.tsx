import { Badge, Group, Paper, Text, ThemeIcon, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertCircle, IconChevronRight } from '@tabler/icons-react';
import type { FormField } from '../../../api/forms';
import { KINDS, targetLabel } from './field-kinds';
import type { Handle } from './SortableList';

/** One field in the builder's list: grip, kind, label, where it goes; a click opens its editor. */
export function FieldRow({ field, handle, problem, onOpen }: { field: FormField; handle: Handle; problem: string | undefined; onOpen: () => void }) {
  const kind = KINDS[field.kind];
  return (
    <Paper withBorder radius="md" px="xs" py={8} bg="white" style={problem ? { borderColor: 'var(--mantine-color-red-5)' } : undefined} data-field-row={field.key}>
      <Group gap="xs" wrap="nowrap">
        {handle.grip}
        <UnstyledButton onClick={onOpen} style={{ flex: 1, minWidth: 0 }} aria-label={`Edit ${field.label}`}>
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon variant="light" color={field.kind === 'hidden' ? 'gray' : 'indigo'} size={34} radius="md">
              <kind.icon size={18} stroke={1.7} />
            </ThemeIcon>
            <div style={{ flex: 1, minWidth: 0 }}>
              <Text fz="sm" fw={600} truncate>
                {field.label}
                {field.required && (
                  <Text span c="red.7" aria-label="required">
                    {' '}*
                  </Text>
                )}
              </Text>
              <Text fz="xs" c="dimmed" truncate>
                {kind.label} · {targetLabel(field)}
              </Text>
            </div>
            {field.kind === 'hidden' && (
              <Badge variant="light" color="gray" radius="sm" tt="none">
                Hidden
              </Badge>
            )}
            {problem && (
              <Tooltip label={problem} multiline w={260} withArrow>
                <IconAlertCircle size={18} color="var(--mantine-color-red-6)" aria-label={`Needs fixing: ${problem}`} />
              </Tooltip>
            )}
            <IconChevronRight size={16} color="var(--mantine-color-gray-5)" />
          </Group>
        </UnstyledButton>
      </Group>
    </Paper>
  );
}
