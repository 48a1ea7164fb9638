import type { ReactNode } from 'react';
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent, type Modifier } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Stack } from '@mantine/core';
import { IconGripVertical } from '@tabler/icons-react';

// A list moves up and down only.
const verticalOnly: Modifier = ({ transform }) => ({ ...transform, x: 0 });

export interface Handle {
  /** The grip people drag, with the mouse, or with the keyboard: Space, arrows, Space. */
  grip: ReactNode;
}

function SortableItem({ id, name, disabled, children }: { id: string; name: string; disabled: boolean; children: (handle: Handle) => ReactNode }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id, disabled });
  const grip = (
    <ActionIcon
      ref={setActivatorNodeRef}
      variant="subtle"
      color="gray"
      size="sm"
      aria-label={`Move ${name}`}
      disabled={disabled}
      style={{ cursor: disabled ? undefined : isDragging ? 'grabbing' : 'grab', touchAction: 'none' }}
      {...attributes}
      {...listeners}
    >
      <IconGripVertical size={16} />
    </ActionIcon>
  );
  return (
    <div ref={setNodeRef} style={{ transform: CSS.Translate.toString(transform), transition, position: 'relative', zIndex: isDragging ? 2 : undefined, opacity: isDragging ? 0.92 : 1 }}>
      {children({ grip })}
    </div>
  );
}

/**
 * A vertical list reordered by dragging a grip (dnd-kit): by mouse or touch, or by keyboard
 * (focus the grip, Space, arrows, Space), each move announced to screen readers.
 */
export function SortableList<T>({ items, idOf, nameOf, onMove, disabled = false, gap = 6, children }: {
  items: readonly T[];
  idOf: (item: T) => string;
  nameOf: (item: T) => string;
  onMove: (from: number, to: number) => void;
  disabled?: boolean;
  gap?: number;
  children: (item: T, handle: Handle, index: number) => ReactNode;
}) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = items.map(idOf);
  const name = (id: string | number) => {
    const item = items[ids.indexOf(String(id))];
    return item === undefined ? 'the item' : nameOf(item);
  };
  const position = (id: string | number | undefined) => (id === undefined ? '' : ` to position ${ids.indexOf(String(id)) + 1} of ${ids.length}`);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onMove(ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      modifiers={[verticalOnly]}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements: {
          onDragStart: ({ active }) => `Picked up ${name(active.id)}.`,
          onDragOver: ({ active, over }) => `${name(active.id)} moved${position(over?.id)}.`,
          onDragEnd: ({ active, over }) => `${name(active.id)} dropped${position(over?.id)}.`,
          onDragCancel: ({ active }) => `Moving ${name(active.id)} was cancelled.`,
        },
      }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <Stack gap={gap}>
          {items.map((item, index) => (
            <SortableItem key={ids[index]} id={ids[index]!} name={nameOf(item)} disabled={disabled}>
              {(handle) => children(item, handle, index)}
            </SortableItem>
          ))}
        </Stack>
      </SortableContext>
    </DndContext>
  );
}
