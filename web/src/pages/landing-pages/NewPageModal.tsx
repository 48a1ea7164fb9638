import { useState } from 'react';
import { Button, Group, Modal, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { formQueries } from '../../api/forms';
import { pageQueries, useCreatePage, type PageCreate } from '../../api/pages';
import { useWorkspace } from '../../auth/workspace-context';
import { notifyError } from '../../notify';

const BLANK = '';

/** An address from a name: lower-case words joined by hyphens (“Spring e-book!” → spring-e-book). */
export const slugFrom = (name: string) =>
  name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '');

function TemplateCard({ name, fullName = name, description, selected, onSelect }: { name: string; fullName?: string; description: string; selected: boolean; onSelect: () => void }) {
  return (
    <UnstyledButton onClick={onSelect} aria-pressed={selected} aria-label={`Start from ${fullName}`}>
      <Paper withBorder radius="md" p="sm" h="100%" style={selected ? { borderColor: 'var(--mantine-color-blue-6)', boxShadow: '0 0 0 1px var(--mantine-color-blue-6)' } : undefined}>
        <Text fz="sm" fw={600} mb={4}>{name}</Text>
        <Text fz="xs" c="dimmed" lineClamp={2}>{description}</Text>
      </Paper>
    </UnstyledButton>
  );
}

/** “New page”: a template (or a blank page), a name and an address; the editor opens on the new draft. */
export function NewPageModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { slug: workspace } = useWorkspace();
  const navigate = useNavigate();
  const templates = useQuery({ ...pageQueries.templates(workspace), enabled: opened });
  const forms = useQuery({ ...formQueries.all(workspace), enabled: opened });
  const create = useCreatePage(workspace);
  const [template, setTemplate] = useState(BLANK);
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugTyped, setSlugTyped] = useState(false);
  const [formId, setFormId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const chosen = templates.data?.find((t) => t.id === template);
  const liveForms = (forms.data ?? []).filter((f) => f.status === 'live');
  const needsForm = !!chosen?.definition.blocks.some((b) => b.type === 'form' || (b.type === 'columns' && b.columns.some((c) => c.some((inner) => inner.type === 'form'))));

  const pick = (id: string) => {
    setTemplate(id);
    const t = templates.data?.find((x) => x.id === id);
    if (!name || templates.data?.some((x) => x.name === name)) {
      setName(t?.name ?? '');
      if (!slugTyped) setSlug(slugFrom(t?.name ?? ''));
    }
  };
  const submit = () => {
    const trimmed = name.trim();
    const input: PageCreate = chosen
      ? { template: chosen.id as NonNullable<PageCreate['template']>, name: trimmed, slug, ...(formId ? { form_id: formId } : {}) }
      : { name: trimmed, slug, kind: 'landing', definition: { seo: { title: trimmed || 'New page', description: '', noindex: false }, theme: {}, blocks: [{ type: 'hero', headline: trimmed || 'Your headline' }] } };
    create.mutate(input, {
      onSuccess: (page) => {
        onClose();
        void navigate(`/w/${workspace}/pages/${page.id}`);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.errors.length > 0) setErrors(Object.fromEntries(error.errors.map((e) => [e.field.replace(/^definition\.seo\.title$/, 'name'), `This ${e.message}`])));
        else notifyError(error, 'Could not create the page');
      },
    });
  };
  return (
    <Modal opened={opened} onClose={onClose} size={960} title={<Text fw={650}>New page</Text>}>
      <Stack>
        <Text fz="sm" fw={600}>Landing pages</Text>
        <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="xs">
          <TemplateCard name="Blank page" description="A headline to start from; add the blocks you need." selected={template === BLANK} onSelect={() => pick(BLANK)} />
          {(templates.data ?? []).filter((t) => t.kind === 'landing').map((t) => (
            <TemplateCard key={t.id} name={t.name} description={t.description} selected={template === t.id} onSelect={() => pick(t.id)} />
          ))}
        </SimpleGrid>
        <Text fz="sm" fw={600}>Thank-you pages <Text span fz="xs" c="dimmed" fw={400}>where a form sends the people who fill it in</Text></Text>
        <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="xs">
          {(templates.data ?? []).filter((t) => t.kind === 'thank_you').map((t) => (
            <TemplateCard key={t.id} name={t.name.replace(/: thank you$/, '')} fullName={t.name} description={t.description} selected={template === t.id} onSelect={() => pick(t.id)} />
          ))}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Name" required value={name} error={errors.name} onChange={(e) => {
            setName(e.currentTarget.value);
            if (!slugTyped) setSlug(slugFrom(e.currentTarget.value));
          }} />
          <TextInput label="Address" required leftSection={<Text fz="sm" c="dimmed">/p/</Text>} leftSectionWidth={36} value={slug} error={errors.slug}
            onChange={(e) => {
              setSlug(e.currentTarget.value);
              setSlugTyped(true);
            }} />
        </SimpleGrid>
        {needsForm && (
          <NativeSelect label="Form on the page" description={liveForms.length ? 'You can change it in the editor' : 'No published form yet: choose one in the editor before publishing'} value={formId}
            data={[{ value: '', label: 'Choose later' }, ...liveForms.map((f) => ({ value: f.id, label: f.name }))]} onChange={(e) => setFormId(e.currentTarget.value)} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={submit} loading={create.isPending} disabled={!name.trim() || !slug}>Create and edit</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
