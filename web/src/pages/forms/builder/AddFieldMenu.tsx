import { Button, Menu, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { KINDS, type FieldKind } from './field-kinds';

/** “Add field”: every kind the list takes, with what it is for. */
export function AddFieldMenu({ kinds, disabledKinds = [], label, onAdd }: { kinds: readonly FieldKind[]; disabledKinds?: readonly FieldKind[]; label: string; onAdd: (kind: FieldKind) => void }) {
  return (
    <Menu position="bottom-start" width={300} shadow="md" withinPortal>
      <Menu.Target>
        <Button variant="light" leftSection={<IconPlus size={16} />}>
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown mah={420} style={{ overflowY: 'auto' }}>
        {kinds.map((kind) => {
          const { label: name, description, icon: Icon } = KINDS[kind];
          return (
            <Menu.Item key={kind} leftSection={<Icon size={18} stroke={1.7} />} disabled={disabledKinds.includes(kind)} onClick={() => onAdd(kind)}>
              <Text fz="sm" fw={500}>
                {name}
              </Text>
              <Text fz="xs" c="dimmed">
                {description}
              </Text>
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}
