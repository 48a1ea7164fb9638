import { Anchor, Button, Checkbox, Divider, Group, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconLayoutColumns } from '@tabler/icons-react';
import { DEFAULT_COLUMNS, type ContactColumn } from '../../components/contact-columns';

interface Props {
  standard: ContactColumn[];
  custom: ContactColumn[];
  selected: string[];
  onChange: (columns: string[]) => void;
}

/** Which columns the contacts table shows; the choice is remembered per workspace. */
export function ColumnsChooser({ standard, custom, selected, onChange }: Props) {
  const all = [...standard, ...custom];
  // Keep the chooser's order, whatever order the ids were ticked in.
  const toggle = (id: string, on: boolean) =>
    onChange(all.map((c) => c.id).filter((c) => (c === id ? on : selected.includes(c))));

  const group = (title: string, columns: ContactColumn[]) => (
    <Stack gap={6}>
      <Text fz="xs" fw={650} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.06em' }}>
        {title}
      </Text>
      {columns.map((c) => (
        <Checkbox
          key={c.id}
          size="sm"
          label={c.label}
          checked={selected.includes(c.id)}
          onChange={(e) => toggle(c.id, e.currentTarget.checked)}
        />
      ))}
    </Stack>
  );

  return (
    <Popover position="bottom-end" width={260} shadow="md" withinPortal>
      <Popover.Target>
        <Button variant="default" leftSection={<IconLayoutColumns size={16} />}>
          Columns
        </Button>
      </Popover.Target>
      <Popover.Dropdown p={0} aria-label="Choose columns">
        <ScrollArea.Autosize mah={420} type="auto">
          <Stack gap="md" p="md">
            {group('Contact fields', standard)}
            {custom.length > 0 && group('Custom fields', custom)}
          </Stack>
        </ScrollArea.Autosize>
        <Divider />
        <Group justify="space-between" px="md" py="xs">
          <Text fz="xs" c="dimmed">
            {selected.length} shown
          </Text>
          <Anchor component="button" type="button" fz="xs" onClick={() => onChange(DEFAULT_COLUMNS)}>
            Reset to default
          </Anchor>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
