import { Anchor, Badge, Button, Group, Paper, Stack, ThemeIcon, Title } from '@mantine/core';
import { IconChevronLeft, IconCopy, IconTrash } from '@tabler/icons-react';
import { BLOCK_KINDS } from './block-kinds';
import { BlockFields, BlockNotices } from './BlockFields';
import type { Bound } from './field-inputs';
import { problemAt, valueAt, type Item } from './page-draft';
import type { PageEditor } from './use-page-editor';

/** The selected block's fields, with the server's problems on them and its notices above. */
export function BlockEditor({ editor, item, index, notices, readOnly }: { editor: PageEditor; item: Item; index: number; notices: string[]; readOnly: boolean }) {
  const kind = BLOCK_KINDS[item.block.type];
  const problems = editor.problems.blocks[item.uid];
  const b: Bound = {
    get: (path) => valueAt(item.block, path),
    set: (path, value) => editor.setBlockValue(item.uid, path, value),
    error: (path) => problemAt(problems, path),
    readOnly,
  };
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap">
          <Anchor component="button" type="button" fz="sm" onClick={() => editor.select(null)}>
            <Group gap={4}>
              <IconChevronLeft size={16} /> All blocks
            </Group>
          </Anchor>
          {!readOnly && (
            <Group gap={4}>
              <Button variant="subtle" color="gray" size="xs" leftSection={<IconCopy size={14} />} onClick={() => editor.duplicateBlock(item.uid)}>Duplicate</Button>
              <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} />} onClick={() => editor.removeBlock(item.uid)}>Delete</Button>
            </Group>
          )}
        </Group>
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" size={38} radius="md">
            <kind.icon size={20} stroke={1.7} />
          </ThemeIcon>
          <div>
            <Title order={3} fz="md">{kind.label}</Title>
            <Badge variant="light" color="gray" radius="sm" tt="none">Block {index + 1}</Badge>
          </div>
        </Group>
        <BlockNotices notices={notices} />
        <BlockFields block={item.block} b={b} />
      </Stack>
    </Paper>
  );
}
