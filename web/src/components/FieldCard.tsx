import { useState, type FormEvent, type ReactNode } from 'react';
import { Anchor, Button, Group, MultiSelect, NumberInput, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { companyQueries } from '../api/companies';
import type { ContactInput } from '../api/contacts';
import type { CustomField } from '../api/custom-fields';
import type { Member } from '../api/types';
import { useWorkspace } from '../auth/workspace-context';
import { StageBadge } from './StageBadge';
import { formErrors, shownInForm } from '../form-errors';
import { notifyError } from '../notify';
import { CompanySelect } from './CompanySelect';
import { ownerName } from './contact-columns';
import { customValueText, STAGE_OPTIONS } from '../contact-fields';
import classes from './FieldCard.module.css';

export type FieldDef =
  | { key: string; label: string; kind: 'text' | 'email' | 'url' | 'tel' | 'number'; placeholder?: string }
  | { key: 'lifecycle_stage'; label: string; kind: 'stage' }
  | { key: 'owner_id'; label: string; kind: 'owner' }
  /** A link to a company record, picked by searching companies. */
  | { key: 'company_id'; label: string; kind: 'company' }
  /** Shown, never edited here: scores and other values other modules compute. */
  | { key: string; label: string; kind: 'readonly'; format?: (record: never) => ReactNode }
  | { key: string; label: string; kind: 'custom'; field: CustomField };

type Draft = Record<string, unknown>;

const NO_MEMBERS: ReadonlyMap<string, Member> = new Map();

const empty = (
  <Text fz="sm" c="gray.5" component="span">
    —
  </Text>
);

function CompanyLink({ id }: { id: string }) {
  const { slug } = useWorkspace();
  const company = useQuery({ ...companyQueries.one(slug, id), retry: false });
  return (
    <Anchor component={Link} to={`/w/${slug}/companies/${id}`} fz="sm" className={classes.wrap}>
      {company.data?.name ?? (company.isError ? 'Deleted company' : '…')}
    </Anchor>
  );
}

/** Only web addresses become links: a `javascript:` URL typed into a form stays text. */
function safeHref(url: string): string | null {
  return /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
}

type FieldRecord = object;

function rawValue(record: FieldRecord, def: FieldDef): unknown {
  const values = record as Record<string, unknown>;
  if (def.kind === 'custom') return (values.custom as Record<string, unknown> | undefined)?.[def.field.key] ?? null;
  return values[def.key] ?? null;
}

function displayValue(record: FieldRecord, def: FieldDef, members: ReadonlyMap<string, Member>): ReactNode {
  if (def.kind === 'readonly' && def.format) return (def.format as (r: FieldRecord) => ReactNode)(record);
  const value = rawValue(record, def);
  if (isBlank(value)) return empty;
  switch (def.kind) {
    case 'stage':
      return <StageBadge stage={String(value)} />;
    case 'owner':
      return <Text fz="sm">{ownerName(members, String(value))}</Text>;
    case 'company':
      return <CompanyLink id={String(value)} />;
    case 'email':
      return (
        <Anchor href={`mailto:${String(value)}`} fz="sm" className={classes.wrap}>
          {String(value)}
        </Anchor>
      );
    case 'url': {
      const href = safeHref(String(value));
      return href ? (
        <Anchor href={href} target="_blank" rel="noreferrer noopener" fz="sm" className={classes.wrap}>
          {String(value)}
        </Anchor>
      ) : (
        <Text fz="sm" className={classes.wrap}>
          {String(value)}
        </Text>
      );
    }
    case 'custom':
      return (
        <Text fz="sm" className={classes.wrap}>
          {customValueText(value, def.field)}
        </Text>
      );
    case 'number':
      return <Text fz="sm">{typeof value === 'number' ? value.toLocaleString() : String(value)}</Text>;
    default:
      return (
        <Text fz="sm" className={classes.wrap}>
          {String(value)}
        </Text>
      );
  }
}

/** The value an input starts from: '' for absent text, so inputs stay controlled. */
function draftValue(record: FieldRecord, def: FieldDef): unknown {
  const value = rawValue(record, def);
  if (def.kind === 'custom') {
    if (def.field.type === 'multiselect') return Array.isArray(value) ? value : [];
    if (def.field.type === 'boolean') return value === true ? 'yes' : value === false ? 'no' : null;
    if (def.field.type === 'number') return typeof value === 'number' ? value : '';
    if (def.field.type === 'select') return value ?? null;
    return value ?? '';
  }
  if (def.kind === 'owner' || def.kind === 'company') return value ?? null;
  if (def.kind === 'number') return typeof value === 'number' ? value : '';
  return value ?? '';
}

/** A draft value as the API wants it: null clears, numbers and booleans typed. */
function apiValue(def: FieldDef, value: unknown): unknown {
  if (def.kind === 'custom') {
    switch (def.field.type) {
      case 'multiselect':
        return Array.isArray(value) && value.length ? value : null;
      case 'boolean':
        return value === 'yes' ? true : value === 'no' ? false : null;
      case 'number':
        return typeof value === 'number' ? value : value === '' || value === null ? null : Number(value);
      default:
        return typeof value === 'string' && value.trim() === '' ? null : (value ?? null);
    }
  }
  if (def.kind === 'number') return typeof value === 'number' ? value : null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  return value ?? null;
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

interface Props<T extends FieldRecord, I> {
  title: string;
  description?: string;
  /** A contact, a company: any record whose keys the fields name. */
  record: T;
  fields: FieldDef[];
  members?: ReadonlyMap<string, Member>;
  editable: boolean;
  saving: boolean;
  /** Receives only the changed fields; custom fields arrive together under `custom`. */
  onSave: (input: I) => Promise<unknown>;
  /** Shown instead of the fields when there are none (custom fields not defined yet). */
  emptyHint?: ReactNode;
  /** Read mode lists only the fields that hold a value; this says why there are none. */
  hideEmpty?: ReactNode;
}

/** One group of a contact's fields: read as a list, edited in place, saved in one PATCH. */
export function FieldCard<T extends FieldRecord, I = ContactInput>({
  title,
  description,
  record,
  fields,
  members = NO_MEMBERS,
  editable,
  saving,
  onSave,
  emptyHint,
  hideEmpty,
}: Props<T, I>) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<unknown>(null);
  const editing = draft !== null;
  const editableFields = fields.filter((f) => f.kind !== 'readonly');

  function start() {
    setError(null);
    setDraft(Object.fromEntries(editableFields.map((f) => [f.key, draftValue(record, f)])));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    const input: Record<string, unknown> = {};
    const custom: Record<string, unknown> = {};
    for (const def of editableFields) {
      const next = apiValue(def, draft[def.key]);
      if (sameValue(next, rawValue(record, def))) continue;
      if (def.kind === 'custom') custom[def.field.key] = next;
      else input[def.key] = next;
    }
    if (Object.keys(custom).length) input.custom = custom;
    if (Object.keys(input).length === 0) {
      setDraft(null);
      return;
    }
    try {
      await onSave(input as I);
      setDraft(null);
    } catch (err) {
      setError(err);
      if (!shownInForm(err, labels)) notifyError(err, `Could not save ${title.toLowerCase()}`);
    }
  }

  const shown = hideEmpty ? fields.filter((def) => !isBlank(rawValue(record, def))) : fields;
  const labels = Object.fromEntries(fields.map((f) => [f.key, f.label]));
  const errors = formErrors(error, labels) as Record<string, string | undefined>;
  const set = (key: string) => (value: unknown) => setDraft((d) => (d ? { ...d, [key]: value } : d));

  function input(def: FieldDef): ReactNode {
    const value = draft?.[def.key];
    const common = { label: def.label, error: errors[def.key] };
    switch (def.kind) {
      case 'readonly':
        return (
          <div key={def.key}>
            <Text fz="sm" fw={500} mb={4}>
              {def.label}
            </Text>
            {displayValue(record, def, members)}
          </div>
        );
      case 'stage':
        return (
          <Select key={def.key} {...common} data={STAGE_OPTIONS} value={String(value)} allowDeselect={false} onChange={(v) => v && set(def.key)(v)} />
        );
      case 'owner':
        return (
          <Select
            key={def.key}
            {...common}
            placeholder="No owner"
            data={[...members.values()].map((m) => ({ value: m.user_id, label: m.name || m.email }))}
            value={(value as string | null) ?? null}
            onChange={set(def.key)}
            clearable
            searchable
          />
        );
      case 'company':
        return (
          <CompanySelect
            key={def.key}
            {...common}
            placeholder="Search companies"
            description="Set by hand, it wins over the company of the email’s domain."
            clearable
            value={(value as string | null) ?? null}
            onChange={set(def.key)}
          />
        );
      case 'custom': {
        const field = def.field;
        switch (field.type) {
          case 'number':
            return <NumberInput key={def.key} {...common} value={value as number | string} onChange={set(def.key)} />;
          case 'date':
            return (
              <TextInput key={def.key} {...common} type="date" value={String(value ?? '')} onChange={(e) => set(def.key)(e.currentTarget.value)} />
            );
          case 'boolean':
            return (
              <Select
                key={def.key}
                {...common}
                placeholder="Not answered"
                data={[
                  { value: 'yes', label: 'Yes' },
                  { value: 'no', label: 'No' },
                ]}
                value={(value as string | null) ?? null}
                onChange={set(def.key)}
                clearable
              />
            );
          case 'select':
            return (
              <Select key={def.key} {...common} placeholder="Not set" data={field.options} value={(value as string | null) ?? null} onChange={set(def.key)} clearable searchable />
            );
          case 'multiselect':
            return (
              <MultiSelect key={def.key} {...common} placeholder="Pick any" data={field.options} value={value as string[]} onChange={set(def.key)} clearable searchable />
            );
          default:
            return <TextInput key={def.key} {...common} value={String(value ?? '')} onChange={(e) => set(def.key)(e.currentTarget.value)} />;
        }
      }
      case 'number':
        return <NumberInput key={def.key} {...common} min={0} thousandSeparator="," value={value as number | string} onChange={set(def.key)} />;
      default:
        return (
          <TextInput
            key={def.key}
            {...common}
            type={def.kind === 'text' ? 'text' : def.kind}
            placeholder={'placeholder' in def ? def.placeholder : undefined}
            value={String(value ?? '')}
            onChange={(e) => set(def.key)(e.currentTarget.value)}
          />
        );
    }
  }

  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Group justify="space-between" align="flex-start" mb="md" wrap="nowrap">
        <div>
          <Title order={3} fz="md">
            {title}
          </Title>
          {description && (
            <Text fz="xs" c="dimmed" mt={2}>
              {description}
            </Text>
          )}
        </div>
        {editable && !editing && editableFields.length > 0 && (
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconPencil size={14} />}
            onClick={start}
            aria-label={`Edit ${title}`}
            style={{ flexShrink: 0 }}
          >
            Edit
          </Button>
        )}
      </Group>
      {fields.length === 0 ? (
        emptyHint
      ) : editing ? (
        <form onSubmit={(e) => void submit(e)}>
          <Stack gap="sm">
            {fields.map(input)}
            <Group justify="flex-end" mt="xs">
              <Button variant="default" size="xs" onClick={() => setDraft(null)}>
                Cancel
              </Button>
              <Button type="submit" size="xs" loading={saving}>
                Save
              </Button>
            </Group>
          </Stack>
        </form>
      ) : hideEmpty && shown.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {hideEmpty}
        </Text>
      ) : (
        <dl className={classes.list}>
          {shown.map((def) => (
            <div key={def.key} className={classes.row}>
              <dt>
                <Text fz="sm" c="dimmed">
                  {def.label}
                </Text>
              </dt>
              <dd>{displayValue(record, def, members)}</dd>
            </div>
          ))}
        </dl>
      )}
    </Paper>
  );
}
