import { Alert, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { assetQueries } from '../../../api/assets';
import { formQueries } from '../../../api/forms';
import type { PageBlock } from '../../../api/pages';
import { useWorkspace } from '../../../auth/workspace-context';
import { BLOCK_KINDS, LEAF_ORDER, newBlock, type LeafBlock } from './block-kinds';
import { ButtonInput, Choice, ImageInput, ListInput, Section, TextField, type Bound } from './field-inputs';
import { RichTextInput } from './RichTextInput';

const ICONS = ['check', 'star', 'bolt', 'shield', 'clock', 'chart', 'heart', 'gift', 'users', 'calendar', 'mail', 'download'].map((i) => ({ value: i, label: i.charAt(0).toUpperCase() + i.slice(1) }));
const SIZES = [{ value: 'small', label: 'Small' }, { value: 'medium', label: 'Medium' }, { value: 'large', label: 'Large' }];

/** The forms a form block may show: the workspace's published ones (others show nothing on the page). */
function FormChoice({ b }: { b: Bound }) {
  const { slug } = useWorkspace();
  const forms = useQuery(formQueries.all(slug));
  const value = (b.get('form_id') as string | null) ?? '';
  const live = (forms.data ?? []).filter((f) => f.status === 'live' || f.id === value);
  return (
    <NativeSelect
      label="Form"
      description="Only published forms appear on a page"
      value={value}
      error={b.error('form_id')}
      disabled={b.readOnly}
      data={[{ value: '', label: forms.isLoading ? 'Loading forms…' : 'Choose a form' }, ...live.map((f) => ({ value: f.id, label: f.status === 'live' ? f.name : `${f.name} (not published)` }))]}
      onChange={(e) => b.set('form_id', e.currentTarget.value || null)}
    />
  );
}

function AssetChoice({ b }: { b: Bound }) {
  const { slug } = useWorkspace();
  const assets = useQuery(assetQueries.all(slug));
  return (
    <NativeSelect
      label="File"
      value={(b.get('asset_id') as string | null) ?? ''}
      error={b.error('asset_id')}
      disabled={b.readOnly}
      data={[{ value: '', label: 'The file the form offers' }, ...(assets.data ?? []).map((a) => ({ value: a.id, label: a.name }))]}
      onChange={(e) => b.set('asset_id', e.currentTarget.value || null)}
    />
  );
}

/** A date and time in the person's zone, kept as an ISO instant. */
function DateTimeInput({ b, path, label }: { b: Bound; path: string; label: string }) {
  const iso = b.get(path) as string;
  const local = new Date(iso);
  const value = Number.isNaN(local.getTime()) ? '' : new Date(local.getTime() - local.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  return (
    <TextInput type="datetime-local" label={label} value={value} error={b.error(path)} readOnly={b.readOnly} required
      onChange={(e) => e.currentTarget.value && b.set(path, new Date(e.currentTarget.value).toISOString().replace(/\.\d{3}Z$/, 'Z'))} />
  );
}

const Heading = ({ b }: { b: Bound }) => <TextField b={b} path="heading" label="Heading" optional />;

/** Every field of one block, by its type. */
export function BlockFields({ block, b }: { block: PageBlock; b: Bound }) {
  switch (block.type) {
    case 'hero':
      return (
        <Stack gap="sm">
          <TextField b={b} path="headline" label="Headline" />
          <TextField b={b} path="subheadline" label="Sub-headline" optional multiline />
          <ImageInput b={b} path="image" label="Image" optional />
          <ButtonInput b={b} path="button" optional />
        </Stack>
      );
    case 'rich_text':
      return <RichTextInput b={b} path="content" />;
    case 'bullets':
      return (
        <Stack gap="sm">
          <Heading b={b} />
          <ListInput b={b} path="items" itemLabel="Bullet" min={1} max={30} newItem={() => ({ icon: 'check', text: 'A benefit' })}>
            {(item) => (
              <>
                <Choice b={item} path="icon" label="Icon" options={ICONS} />
                <TextField b={item} path="text" label="Text" />
              </>
            )}
          </ListInput>
        </Stack>
      );
    case 'form':
      return (
        <Stack gap="sm">
          <Heading b={b} />
          <FormChoice b={b} />
        </Stack>
      );
    case 'image':
      return (
        <Stack gap="sm">
          <ImageInput b={b} path="image" label="Image" />
          <TextField b={b} path="caption" label="Caption" optional />
        </Stack>
      );
    case 'video':
      return (
        <Stack gap="sm">
          <TextField b={b} path="url" label="Video address" description="A YouTube or Vimeo link; it plays without tracking cookies" />
          <TextField b={b} path="title" label="Title" description="Read by screen readers" />
        </Stack>
      );
    case 'testimonial':
      return (
        <Stack gap="sm">
          <TextField b={b} path="quote" label="Quote" multiline />
          <TextField b={b} path="name" label="Name" />
          <TextField b={b} path="role" label="Role or company" optional />
          <ImageInput b={b} path="photo" label="Photo" optional />
        </Stack>
      );
    case 'logos':
      return (
        <Stack gap="sm">
          <Heading b={b} />
          <ListInput b={b} path="logos" itemLabel="Logo" min={1} max={20} newItem={() => ({ image: { url: 'https://', alt: '' } })}>
            {(logo) => (
              <>
                <ImageInput b={logo} path="image" label="Logo image" />
                <TextField b={logo} path="url" label="Links to" optional />
              </>
            )}
          </ListInput>
        </Stack>
      );
    case 'cta':
      return (
        <Stack gap="sm">
          <Heading b={b} />
          <TextField b={b} path="text" label="Text" optional multiline />
          <ButtonInput b={b} path="button" />
        </Stack>
      );
    case 'faq':
      return (
        <Stack gap="sm">
          <Heading b={b} />
          <ListInput b={b} path="items" itemLabel="Question" min={1} max={50} newItem={() => ({ question: 'A question', answer: 'Its answer.' })}>
            {(item) => (
              <>
                <TextField b={item} path="question" label="Question" />
                <TextField b={item} path="answer" label="Answer" multiline />
              </>
            )}
          </ListInput>
        </Stack>
      );
    case 'countdown':
      return (
        <Stack gap="sm">
          <Heading b={b} />
          <DateTimeInput b={b} path="to" label="Counts down to" />
          <TextField b={b} path="ended_text" label="Shown once the time has come" />
        </Stack>
      );
    case 'spacer':
      return <Choice b={b} path="size" label="Size" options={SIZES} />;
    case 'download':
      return (
        <Stack gap="sm">
          <Text fz="sm" c="dimmed">On a thank-you page, the person who just filled in the form gets a download button; anyone else reads the text below.</Text>
          <Heading b={b} />
          <TextField b={b} path="text" label="Text" optional multiline />
          <TextField b={b} path="label" label="Button text" />
          <AssetChoice b={b} />
          <TextField b={b} path="unavailable_text" label="Shown to other visitors" multiline />
        </Stack>
      );
    case 'footer':
      return (
        <Stack gap="sm">
          <TextField b={b} path="text" label="Small print" optional multiline />
          <ListInput b={b} path="links" itemLabel="Link" max={10} newItem={() => ({ label: 'Privacy policy', url: '/privacy' })}>
            {(link) => (
              <>
                <TextField b={link} path="label" label="Text" />
                <TextField b={link} path="url" label="Goes to" />
              </>
            )}
          </ListInput>
        </Stack>
      );
    case 'columns':
      return <ColumnsFields block={block} b={b} />;
  }
}

/** Two or three columns, each a list of blocks (no columns inside columns). */
function ColumnsFields({ block, b }: { block: Extract<PageBlock, { type: 'columns' }>; b: Bound }) {
  const count = block.columns.length;
  const setCount = (n: number) => b.set('columns', n > count ? [...block.columns, [newBlock('rich_text') as LeafBlock]] : block.columns.slice(0, n));
  return (
    <Stack gap="sm">
      <Choice b={{ ...b, get: () => String(count), set: (_p, v) => setCount(Number(v)) }} path="count" label="Columns" options={[{ value: '2', label: 'Two' }, { value: '3', label: 'Three' }]} />
      {block.columns.map((_, c) => (
        <Section key={c} title={`Column ${c + 1}`}>
          <ListInput<LeafBlock> b={b} path={`columns.${c}`} itemLabel="Block" max={20} newItem={() => newBlock('rich_text') as LeafBlock}>
            {(inner) => {
              const value = inner.get('') as LeafBlock;
              return (
                <Stack gap="xs">
                  <NativeSelect aria-label="Block type" data={LEAF_ORDER.map((t) => ({ value: t, label: BLOCK_KINDS[t].label }))} value={value.type} disabled={inner.readOnly} onChange={(e) => inner.set('', newBlock(e.currentTarget.value as LeafBlock['type']))} />
                  <BlockFields block={value} b={inner} />
                </Stack>
              );
            }}
          </ListInput>
        </Section>
      ))}
    </Stack>
  );
}

/** What the server says about the block (a form since deleted), above its fields. */
export function BlockNotices({ notices }: { notices: string[] }) {
  if (notices.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />}>
      {notices.map((n) => <Text key={n} fz="sm">This block {n}.</Text>)}
    </Alert>
  );
}
