// Rich text as the definition has it: a list of paragraphs, headings and lists, each made of
// runs of text that may be bold, italic or a link. Never markup: the page escapes every run.
import { ActionIcon, Button, Group, NativeSelect, Stack, TextInput, Tooltip } from '@mantine/core';
import { IconBold, IconItalic, IconLink, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { ListInput, TextField, under, type Bound } from './field-inputs';

interface Run { text: string; bold?: boolean; italic?: boolean; href?: string }
type Node = { type: 'p' | 'h2' | 'h3' | 'h4'; children: Run[] } | { type: 'ul' | 'ol'; items: Run[][] };

const NODE_TYPES = [
  { value: 'p', label: 'Paragraph' },
  { value: 'h2', label: 'Heading' },
  { value: 'h3', label: 'Subheading' },
  { value: 'h4', label: 'Small heading' },
  { value: 'ul', label: 'Bulleted list' },
  { value: 'ol', label: 'Numbered list' },
];

/** The same words as another kind of node: a paragraph's runs become a list's one item, a list's items one paragraph. */
function retyped(node: Node, type: Node['type']): Node {
  const isList = (t: Node['type']): t is 'ul' | 'ol' => t === 'ul' || t === 'ol';
  if (isList(type)) return { type, items: 'items' in node ? node.items : [node.children] };
  return { type, children: 'children' in node ? node.children : node.items.flat() };
}

function RunInput({ b, label }: { b: Bound; label: string }) {
  const run = b.get('') as Run;
  const [linking, setLinking] = useState(run.href !== undefined);
  const toggle = (key: 'bold' | 'italic') => b.set(key, run[key] ? undefined : true);
  return (
    <Stack gap={4}>
      <TextInput
        aria-label={label}
        value={run.text}
        error={b.error('text')}
        readOnly={b.readOnly}
        onChange={(e) => b.set('text', e.currentTarget.value)}
        styles={{ input: { fontWeight: run.bold ? 700 : undefined, fontStyle: run.italic ? 'italic' : undefined } }}
        rightSectionWidth={84}
        rightSection={
          <Group gap={2} wrap="nowrap">
            <Tooltip label="Bold"><ActionIcon variant={run.bold ? 'filled' : 'subtle'} color="gray" size="sm" aria-label="Bold" aria-pressed={!!run.bold} disabled={b.readOnly} onClick={() => toggle('bold')}><IconBold size={14} /></ActionIcon></Tooltip>
            <Tooltip label="Italic"><ActionIcon variant={run.italic ? 'filled' : 'subtle'} color="gray" size="sm" aria-label="Italic" aria-pressed={!!run.italic} disabled={b.readOnly} onClick={() => toggle('italic')}><IconItalic size={14} /></ActionIcon></Tooltip>
            <Tooltip label="Link"><ActionIcon variant={linking ? 'filled' : 'subtle'} color="gray" size="sm" aria-label="Link" aria-pressed={linking} disabled={b.readOnly} onClick={() => { if (linking) b.set('href', undefined); setLinking(!linking); }}><IconLink size={14} /></ActionIcon></Tooltip>
          </Group>
        }
      />
      {linking && <TextField b={b} path="href" label="Link to" optional placeholder="https://…, /path or #anchor" />}
    </Stack>
  );
}

/** The runs of one paragraph, heading or list item; a new run adds text styled differently. */
function RunsInput({ b, label }: { b: Bound; label: string }) {
  const runs = b.get('') as Run[];
  return (
    <Stack gap={6}>
      {runs.map((_, i) => <RunInput key={i} b={under(b, String(i))} label={runs.length > 1 ? `${label}, part ${i + 1}` : label} />)}
      {!b.readOnly && (
        <Group gap={6}>
          <Button variant="subtle" size="compact-xs" leftSection={<IconPlus size={12} />} onClick={() => b.set('', [...runs, { text: 'more text' }])}>Text styled differently</Button>
          {runs.length > 1 && <Button variant="subtle" color="red" size="compact-xs" onClick={() => b.set('', runs.slice(0, -1))}>Remove the last part</Button>}
        </Group>
      )}
    </Stack>
  );
}

export function RichTextInput({ b, path }: { b: Bound; path: string }) {
  return (
    <ListInput<Node> b={b} path={path} itemLabel="Part" min={1} max={200} newItem={() => ({ type: 'p', children: [{ text: 'A new paragraph.' }] })}>
      {(node, i) => {
        const value = node.get('') as Node;
        return (
          <Stack gap="xs">
            <NativeSelect aria-label={`Part ${i + 1} is a`} data={NODE_TYPES} value={value.type} disabled={node.readOnly} onChange={(e) => node.set('', retyped(value, e.currentTarget.value as Node['type']))} />
            {'children' in value ? (
              <RunsInput b={under(node, 'children')} label="Text" />
            ) : (
              <ListInput<Run[]> b={node} path="items" itemLabel="Item" min={1} max={100} newItem={() => [{ text: 'An item' }]}>
                {(item) => <RunsInput b={item} label="Item text" />}
              </ListInput>
            )}
          </Stack>
        );
      }}
    </ListInput>
  );
}
