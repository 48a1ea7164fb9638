import { Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import type { Item, ListName } from './draft-state';
import { AddFieldMenu } from './AddFieldMenu';
import { FieldRow } from './FieldRow';
import { KIND_ORDER, QUEUE_KINDS } from './field-kinds';
import { SortableList } from './SortableList';
import type { DraftEditor } from './use-draft-editor';

function FieldList({ editor, list, items, readOnly }: { editor: DraftEditor; list: ListName; items: Item[]; readOnly: boolean }) {
  return (
    <SortableList items={items} idOf={(i) => i.uid} nameOf={(i) => i.field.label} onMove={(from, to) => editor.moveField(list, from, to)} disabled={readOnly}>
      {(item, handle) => {
        const problems = editor.problems.fields[item.uid];
        return <FieldRow field={item.field} handle={handle} problem={problems && Object.values(problems)[0]} onOpen={() => editor.select({ list, uid: item.uid })} />;
      }}
    </SortableList>
  );
}

/** The form's fields in order, and the progressive profiling queue. */
export function FieldsPanel({ editor, readOnly }: { editor: DraftEditor; readOnly: boolean }) {
  const draft = editor.draft!;
  const hasEmail = draft.fields.some((i) => i.field.kind === 'email');
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" mb="sm">
          <div>
            <Title order={3} fz="md">
              Fields
            </Title>
            <Text fz="xs" c="dimmed">
              Drag the grip to reorder; click a field to edit it.
            </Text>
          </div>
          {!readOnly && <AddFieldMenu label="Add field" kinds={KIND_ORDER} disabledKinds={hasEmail ? ['email'] : []} onAdd={(kind) => editor.addField('fields', kind)} />}
        </Group>
        <FieldList editor={editor} list="fields" items={draft.fields} readOnly={readOnly} />
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap" mb={draft.progressive ? 'sm' : 0}>
          <div>
            <Title order={3} fz="md">
              Progressive profiling
            </Title>
            <Text fz="xs" c="dimmed" maw={420}>
              A visitor Inflow already knows sees the next unanswered questions from this queue in place of fields they have answered before.
            </Text>
          </div>
          <Switch checked={draft.progressive} onChange={(e) => editor.setProgressive(e.currentTarget.checked)} disabled={readOnly} aria-label="Progressive profiling" />
        </Group>
        {draft.progressive && (
          <Stack gap="sm">
            {draft.queue.length === 0 ? (
              <Text fz="sm" c="dimmed" ta="center" py="md" style={{ border: '1px dashed var(--mantine-color-gray-4)', borderRadius: 8 }}>
                No questions in the queue yet.
              </Text>
            ) : (
              <FieldList editor={editor} list="queue" items={draft.queue} readOnly={readOnly} />
            )}
            {!readOnly && (
              <Group>
                <AddFieldMenu label="Add to queue" kinds={QUEUE_KINDS} onAdd={(kind) => editor.addField('queue', kind)} />
              </Group>
            )}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
