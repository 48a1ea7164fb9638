import { useEffect, useState } from 'react';
import { ActionIcon, Button, Checkbox, ColorInput, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { ApiError } from '../../../api/client';
import { usePatchPage } from '../../../api/pages';
import { useWorkspace } from '../../../auth/workspace-context';
import { notifyError, notifySuccess } from '../../../notify';
import { ImageInput, TextField, under, type Bound } from './field-inputs';
import { problemAt, valueAt } from './page-draft';
import type { PageEditor } from './use-page-editor';

const COLOURS = [
  ['background', 'Background'],
  ['surface', 'Cards and FAQ'],
  ['text', 'Text'],
  ['muted', 'Secondary text'],
  ['primary', 'Buttons and links'],
  ['primary_text', 'Text on buttons'],
] as const;
const FONTS = [
  { value: '', label: 'The workspace’s font' },
  { value: 'system', label: 'System (clean sans-serif)' },
  { value: 'humanist', label: 'Humanist (friendly sans-serif)' },
  { value: 'geometric', label: 'Geometric (modern sans-serif)' },
  { value: 'serif', label: 'Serif (classic)' },
  { value: 'mono', label: 'Monospace' },
];

/** Name and address: not part of the draft, saved at once (a live page moves when its slug or host does). */
function AddressSettings({ editor, readOnly }: { editor: PageEditor; readOnly: boolean }) {
  const { slug: workspace } = useWorkspace();
  const page = editor.page!;
  const patch = usePatchPage(workspace, page.id);
  const [values, setValues] = useState({ name: page.name, slug: page.slug, host: page.host });
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => setValues({ name: page.name, slug: page.slug, host: page.host }), [page.name, page.slug, page.host]);
  const changed = values.name !== page.name || values.slug !== page.slug || values.host !== page.host;
  const save = () =>
    patch.mutate(values, {
      onSuccess: () => {
        setErrors({});
        notifySuccess('Name and address saved');
      },
      onError: (error) => {
        if (error instanceof ApiError && error.errors.length > 0) setErrors(Object.fromEntries(error.errors.map((e) => [e.field, e.message])));
        else notifyError(error, 'Could not save the name and address');
      },
    });
  const input = (key: keyof typeof values, label: string, description?: string) => (
    <TextInput label={label} description={description} value={values[key]} readOnly={readOnly} error={errors[key] && `This ${errors[key]}`} onChange={(e) => setValues({ ...values, [key]: e.currentTarget.value })} />
  );
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={3} fz="md">Name and address</Title>
        <Text fz="xs" c="dimmed">{page.kind === 'thank_you' ? 'A thank-you page: forms send the people who fill them in here.' : 'A landing page.'}</Text>
        {input('name', 'Name', 'Only you and your team see it')}
        {input('slug', 'Address', 'The page answers at /p/ followed by this: lower-case letters, digits and hyphens')}
        {input('host', 'Custom domain', 'Leave empty to use this server. A domain pointed at Inflow, such as offers.example.com')}
        {!readOnly && (
          <Group justify="flex-end">
            <Button size="xs" variant="default" disabled={!changed} loading={patch.isPending} onClick={save}>Save name and address</Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** The page's settings in its draft: search and sharing, and where its look differs from the workspace's theme. */
export function PageSettings({ editor, readOnly }: { editor: PageEditor; readOnly: boolean }) {
  const draft = editor.draft!;
  const b: Bound = {
    get: (path) => valueAt(draft, path),
    set: (path, value) => editor.setPageValue(path, value),
    error: (path) => problemAt(editor.problems.page, path),
    readOnly,
  };
  const seo = under(b, 'seo');
  const colors = draft.theme.colors ?? {};
  const setColour = (key: string, value: string | undefined) => {
    const next = { ...colors, [key]: value };
    if (value === undefined) delete next[key as keyof typeof next];
    b.set('theme.colors', Object.keys(next).length ? next : undefined);
  };
  return (
    <Stack gap="md">
      <AddressSettings editor={editor} readOnly={readOnly} />
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={3} fz="md">Search and sharing</Title>
          <TextField b={seo} path="title" label="Title" description="In the browser tab, search results and shared links" />
          <TextField b={seo} path="description" label="Description" multiline description="A sentence or two for search results and shared links" />
          <ImageInput b={seo} path="image" label="Sharing image" optional />
          <Checkbox label="Hide from search engines (noindex)" checked={draft.seo.noindex} disabled={readOnly} onChange={(e) => seo.set('noindex', e.currentTarget.checked)} />
        </Stack>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={3} fz="md">Look</Title>
          <Text fz="xs" c="dimmed">Empty colours use the workspace’s theme. Publishing checks that text stays readable on its background.</Text>
          <SimpleGrid cols={2} spacing="sm">
            {COLOURS.map(([key, label]) => (
              <ColorInput
                key={key}
                label={label}
                format="hex"
                placeholder="Workspace colour"
                value={colors[key] ?? ''}
                error={b.error(`theme.colors.${key}`)}
                readOnly={readOnly}
                onChange={(value) => /^#[0-9a-fA-F]{6}$/.test(value) && setColour(key, value.toLowerCase())}
                rightSection={colors[key] && !readOnly ? <Tooltip label="Use the workspace colour"><ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Use the workspace colour for ${label.toLowerCase()}`} onClick={() => setColour(key, undefined)}><IconArrowBackUp size={14} /></ActionIcon></Tooltip> : undefined}
              />
            ))}
          </SimpleGrid>
          <NativeSelect label="Font" data={FONTS} value={draft.theme.font ?? ''} disabled={readOnly} onChange={(e) => b.set('theme.font', e.currentTarget.value || undefined)} />
          <TextField b={{ ...b, get: (p) => valueAt(draft, p) ?? '' }} path="theme.logo_url" label="Logo address" optional description="Empty: the workspace’s logo" />
          <TextField b={{ ...b, get: (p) => valueAt(draft, p) ?? '' }} path="theme.favicon_url" label="Favicon address" optional description="Empty: the workspace’s favicon" />
        </Stack>
      </Paper>
    </Stack>
  );
}
