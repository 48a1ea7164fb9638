// Inputs bound to a path inside a block or the page settings: each reads its value, writes it
// back through the editor (one undo step per field typed in) and shows the server's problem there.
import type { ReactNode } from 'react';
import { ActionIcon, Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';

export interface Bound {
  get: (path: string) => unknown;
  set: (path: string, value: unknown) => void;
  error: (path: string) => string | undefined;
  readOnly: boolean;
}

/** The same binding one level down (`items.2`), for the parts of a list or a column's block. */
export const under = (b: Bound, prefix: string): Bound => ({
  get: (path) => b.get(path === '' ? prefix : `${prefix}.${path}`),
  set: (path, value) => b.set(path === '' ? prefix : `${prefix}.${path}`, value),
  error: (path) => b.error(path === '' ? prefix : `${prefix}.${path}`),
  readOnly: b.readOnly,
});

/** Text; an optional one left empty is removed (the definition has no empty optional texts). */
export function TextField({ b, path, label, optional, multiline, description, placeholder }: { b: Bound; path: string; label: string; optional?: boolean; multiline?: boolean; description?: string; placeholder?: string }) {
  const value = (b.get(path) as string | undefined) ?? '';
  const onChange = (next: string) => b.set(path, optional && next === '' ? undefined : next);
  const common = { label, value, description, placeholder, error: b.error(path), required: !optional, readOnly: b.readOnly };
  return multiline ? <Textarea {...common} autosize minRows={2} maxRows={8} onChange={(e) => onChange(e.currentTarget.value)} /> : <TextInput {...common} onChange={(e) => onChange(e.currentTarget.value)} />;
}

export function Choice({ b, path, label, options }: { b: Bound; path: string; label: string; options: ReadonlyArray<{ value: string; label: string }> }) {
  return <NativeSelect label={label} value={String(b.get(path) ?? '')} data={[...options]} error={b.error(path)} disabled={b.readOnly} onChange={(e) => b.set(path, e.currentTarget.value)} />;
}

/** An image: its address, and what it shows (or that it only decorates). */
export function ImageInput({ b, path, label, optional }: { b: Bound; path: string; label: string; optional?: boolean }) {
  const image = b.get(path) as { url: string; alt: string; decorative?: boolean } | undefined;
  if (!image) {
    return b.readOnly ? null : (
      <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => b.set(path, { url: 'https://', alt: '' })} style={{ alignSelf: 'flex-start' }}>
        Add {label.toLowerCase()}
      </Button>
    );
  }
  const image_ = under(b, path);
  return (
    <Section title={label} onRemove={optional && !b.readOnly ? () => b.set(path, undefined) : undefined}>
      <TextField b={image_} path="url" label="Image address" description="https://… or a /path of this site" />
      {!image.decorative && <TextField b={{ ...image_, set: (p, v) => image_.set(p, v ?? '') }} path="alt" label="Alt text" optional description="What the image shows, for people who cannot see it" />}
      <Checkbox label="Decorative only (screen readers skip it)" checked={!!image.decorative} disabled={b.readOnly} onChange={(e) => b.set(path, e.currentTarget.checked ? { url: image.url, alt: '', decorative: true } : { url: image.url, alt: image.alt })} />
    </Section>
  );
}

export function ButtonInput({ b, path, optional }: { b: Bound; path: string; optional?: boolean }) {
  if (!b.get(path)) {
    return b.readOnly ? null : (
      <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => b.set(path, { label: 'Get started', url: '#form' })} style={{ alignSelf: 'flex-start' }}>
        Add a button
      </Button>
    );
  }
  const button = under(b, path);
  return (
    <Section title="Button" onRemove={optional && !b.readOnly ? () => b.set(path, undefined) : undefined}>
      <TextField b={button} path="label" label="Button text" />
      <TextField b={button} path="url" label="Goes to" description="https://…, mailto:, tel:, a /path, or #form for the form on this page" />
    </Section>
  );
}

/** A titled group of inputs, with a remove button when the group is optional. */
export function Section({ title, onRemove, children }: { title: string; onRemove?: () => void; children: ReactNode }) {
  return (
    <Paper withBorder radius="sm" p="sm" bg="gray.0">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fz="xs" fw={700} tt="uppercase" c="dimmed">{title}</Text>
          {onRemove && (
            <ActionIcon variant="subtle" color="red" size="sm" aria-label={`Remove ${title.toLowerCase()}`} onClick={onRemove}>
              <IconTrash size={14} />
            </ActionIcon>
          )}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

/** A list inside a block (FAQ items, logos, links): each entry's inputs, moved up and down, removed, and added. */
export function ListInput<T>({ b, path, itemLabel, min = 0, max, newItem, children }: { b: Bound; path: string; itemLabel: string; min?: number; max: number; newItem: () => T; children: (item: Bound, index: number) => ReactNode }) {
  const items = (b.get(path) as T[] | undefined) ?? [];
  const move = (from: number, to: number) => {
    const next = [...items];
    next.splice(to, 0, ...next.splice(from, 1));
    b.set(path, next);
  };
  return (
    <Stack gap="xs">
      {b.error(path) && !items.length && <Text fz="sm" c="red">{b.error(path)}</Text>}
      {items.map((_, i) => (
        <Paper key={i} withBorder radius="sm" p="sm" bg="gray.0">
          <Stack gap="xs">
            <Group justify="space-between" wrap="nowrap">
              <Text fz="xs" fw={700} tt="uppercase" c="dimmed">{itemLabel} {i + 1}</Text>
              {!b.readOnly && (
                <Group gap={2} wrap="nowrap">
                  <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Move ${itemLabel.toLowerCase()} ${i + 1} up`} disabled={i === 0} onClick={() => move(i, i - 1)}><IconArrowUp size={14} /></ActionIcon>
                  <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Move ${itemLabel.toLowerCase()} ${i + 1} down`} disabled={i === items.length - 1} onClick={() => move(i, i + 1)}><IconArrowDown size={14} /></ActionIcon>
                  <ActionIcon variant="subtle" color="red" size="sm" aria-label={`Remove ${itemLabel.toLowerCase()} ${i + 1}`} disabled={items.length <= min} onClick={() => b.set(path, items.filter((__, j) => j !== i))}><IconTrash size={14} /></ActionIcon>
                </Group>
              )}
            </Group>
            {children(under(b, `${path}.${i}`), i)}
          </Stack>
        </Paper>
      ))}
      {!b.readOnly && items.length < max && (
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => b.set(path, [...items, newItem()])} style={{ alignSelf: 'flex-start' }}>
          Add {itemLabel.toLowerCase()}
        </Button>
      )}
    </Stack>
  );
}
