import { useState } from 'react';
import { Alert, Box, Grid, Group, List, Paper, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { FormPreview } from '../FormPreview';
import { FieldEditor } from './FieldEditor';
import { FieldsPanel } from './FieldsPanel';
import { SettingsPanel } from './SettingsPanel';
import type { DraftEditor } from './use-draft-editor';

/** The Build tab: fields (and the progressive queue) or settings on the left, the form as sites will show it on the right. */
export function FormBuilder({ editor, readOnly }: { editor: DraftEditor; readOnly: boolean }) {
  const [pane, setPane] = useState<'fields' | 'settings'>('fields');
  const { draft, definition, form, selected } = editor;
  if (!draft || !definition || !form) return <Skeleton h={400} />;
  const item = selected && (selected.list === 'fields' ? draft.fields : draft.queue).find((i) => i.uid === selected.uid);
  const settingsProblems = Object.keys(editor.problems.settings).length;
  const fieldProblems = Object.keys(editor.problems.fields).length;
  return (
    <Grid gap="xl">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="md">
          {editor.problems.general.length > 0 && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Before this form can be published">
              <List size="sm">
                {editor.problems.general.map((p) => (
                  <List.Item key={p}>{p}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <SegmentedControl
            value={pane}
            onChange={(v) => setPane(v as 'fields' | 'settings')}
            data={[
              { value: 'fields', label: fieldProblems ? `Fields (${fieldProblems} to fix)` : 'Fields' },
              { value: 'settings', label: settingsProblems ? `Settings (${settingsProblems} to fix)` : 'Settings' },
            ]}
            aria-label="Edit"
          />
          {pane === 'settings' ? (
            <SettingsPanel editor={editor} readOnly={readOnly} />
          ) : item && selected ? (
            <FieldEditor key={item.uid} editor={editor} list={selected.list} item={item} readOnly={readOnly} />
          ) : (
            <FieldsPanel editor={editor} readOnly={readOnly} />
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Box pos="sticky" top={16}>
          <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
            <Group justify="space-between" px="md" py="xs" bg="gray.0" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
              <Text fz="xs" fw={600} tt="uppercase" c="dimmed">
                Live preview
              </Text>
              <Text fz="xs" c="dimmed">
                As sites show it
              </Text>
            </Group>
            <Box p="xl">
              <FormPreview id={form.id} definition={definition} highlight={selected?.list === 'fields' && item ? item.field.key : undefined} onFieldClick={(key) => {
                const hit = draft.fields.find((i) => i.field.key === key);
                if (hit) {
                  setPane('fields');
                  editor.select({ list: 'fields', uid: hit.uid });
                }
              }} />
            </Box>
          </Paper>
        </Box>
      </Grid.Col>
    </Grid>
  );
}
