import { ActionIcon, Button, Group, Menu, Paper, Text, ThemeIcon, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertCircle, IconArrowDown, IconArrowUp, IconChevronRight, IconCopy, IconDots, IconPlus, IconTrash } from '@tabler/icons-react';
import type { PageBlock } from '../../../api/pages';
import { SortableList, type Handle } from '../../forms/builder/SortableList';
import { BLOCK_KINDS, BLOCK_ORDER, blockSummary, newBlock } from './block-kinds';
import type { Item } from './page-draft';
import type { PageEditor } from './use-page-editor';

/** “Add block”: every block type, with what it is for. */
export function AddBlockMenu({ onAdd }: { onAdd: (block: PageBlock) => void }) {
  return (
    <Menu position="bottom-end" width={300} shadow="md" withinPortal>
      <Menu.Target>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} style={{ flex: 'none' }}>
          Add block
        </Button>
      </Menu.Target>
      <Menu.Dropdown mah={440} style={{ overflowY: 'auto' }}>
        {BLOCK_ORDER.map((type) => {
          const { label, description, icon: Icon } = BLOCK_KINDS[type];
          return (
            <Menu.Item key={type} leftSection={<Icon size={18} stroke={1.7} />} onClick={() => onAdd(newBlock(type))}>
              <Text fz="sm" fw={500}>{label}</Text>
              <Text fz="xs" c="dimmed">{description}</Text>
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}

function BlockRow({ item, index, count, handle, editor, readOnly }: { item: Item; index: number; count: number; handle: Handle; editor: PageEditor; readOnly: boolean }) {
  const kind = BLOCK_KINDS[item.block.type];
  const problems = editor.problems.blocks[item.uid];
  const problem = problems && Object.values(problems)[0];
  const summary = blockSummary(item.block);
  return (
    <Paper withBorder radius="md" px="xs" py={6} bg="white" style={problem ? { borderColor: 'var(--mantine-color-red-5)' } : undefined} data-block-row={item.block.type}>
      <Group gap={6} wrap="nowrap">
        {handle.grip}
        <UnstyledButton onClick={() => editor.select(item.uid)} style={{ flex: 1, minWidth: 0 }} aria-label={`Edit block ${index + 1}: ${kind.label}`}>
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon variant="light" size={32} radius="md">
              <kind.icon size={17} stroke={1.7} />
            </ThemeIcon>
            <div style={{ flex: 1, minWidth: 0 }}>
              <Text fz="sm" fw={600} truncate>{kind.label}</Text>
              <Text fz="xs" c="dimmed" truncate>{summary || '\u00a0'}</Text>
            </div>
            {problem && (
              <Tooltip label={problem} multiline w={260} withArrow>
                <IconAlertCircle size={18} color="var(--mantine-color-red-6)" aria-label={`Needs fixing: ${problem}`} />
              </Tooltip>
            )}
            <IconChevronRight size={16} color="var(--mantine-color-gray-5)" />
          </Group>
        </UnstyledButton>
        {!readOnly && (
          <Menu position="bottom-end" shadow="md" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Actions for block ${index + 1}`}>
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconArrowUp size={14} />} disabled={index === 0} onClick={() => editor.moveBlock(index, index - 1)}>Move up</Menu.Item>
              <Menu.Item leftSection={<IconArrowDown size={14} />} disabled={index === count - 1} onClick={() => editor.moveBlock(index, index + 1)}>Move down</Menu.Item>
              <Menu.Item leftSection={<IconCopy size={14} />} onClick={() => editor.duplicateBlock(item.uid)}>Duplicate</Menu.Item>
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => editor.removeBlock(item.uid)}>Delete</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
    </Paper>
  );
}

/** The page's blocks, top to bottom: drag the grip (or use its menu) to reorder, click one to edit it. */
export function BlockList({ editor, readOnly }: { editor: PageEditor; readOnly: boolean }) {
  const blocks = editor.draft!.blocks;
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Title order={3} fz="md">Blocks</Title>
          <Text fz="xs" c="dimmed">Drag to reorder, click to edit.</Text>
        </div>
        {!readOnly && <AddBlockMenu onAdd={(block) => editor.addBlock(block)} />}
      </Group>
      {blocks.length === 0 ? (
        <Text fz="sm" c="dimmed" ta="center" py="lg" style={{ border: '1px dashed var(--mantine-color-gray-4)', borderRadius: 8 }}>
          An empty page. Add a hero to start.
        </Text>
      ) : (
        <SortableList items={blocks} idOf={(i) => i.uid} nameOf={(i) => BLOCK_KINDS[i.block.type].label} onMove={editor.moveBlock} disabled={readOnly}>
          {(item, handle, index) => <BlockRow item={item} index={index} count={blocks.length} handle={handle} editor={editor} readOnly={readOnly} />}
        </SortableList>
      )}
    </Paper>
  );
}
