import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { customFieldsQuery } from '../../../api/custom-fields';
import type { FormField } from '../../../api/forms';
import { useWorkspace } from '../../../auth/workspace-context';
import { CUSTOM_TYPE_LABELS, FIELD_LABELS } from '../../../contact-fields';
import { STANDARD_TARGETS } from './field-kinds';

const valueOf = (to: FormField['maps_to']) => (to.to === 'standard' ? `standard:${to.field}` : to.to === 'custom' ? `custom:${to.key}` : 'none');

function targetOf(value: string): FormField['maps_to'] {
  const [to, name = ''] = value.split(':');
  if (to === 'standard') return { to: 'standard', field: name as Extract<FormField['maps_to'], { to: 'standard' }>['field'] };
  if (to === 'custom') return { to: 'custom', key: name };
  return { to: 'none' };
}

/** Where the answer goes on the contact: a standard field, one of the workspace's custom fields, or only the submission. */
export function TargetSelect({ field, error, onChange }: { field: FormField; error: string | undefined; onChange: (to: FormField['maps_to']) => void }) {
  const { slug } = useWorkspace();
  const customs = useQuery(customFieldsQuery(slug));
  // Only an email field fills the email, and it always does.
  const standard = STANDARD_TARGETS.filter((f) => (field.kind === 'email') === (f === 'email'));
  const data = [
    { group: 'Contact fields', items: standard.map((f) => ({ value: `standard:${f}`, label: FIELD_LABELS[f] })) },
    ...(field.kind === 'email'
      ? []
      : [
          { group: 'Custom fields', items: (customs.data ?? []).map((c) => ({ value: `custom:${c.key}`, label: `${c.label} (${CUSTOM_TYPE_LABELS[c.type].toLowerCase()})` })) },
          { group: 'Nowhere on the contact', items: [{ value: 'none', label: 'Only on the submission' }] },
        ]),
  ].filter((g) => g.items.length > 0);
  return (
    <Select
      label="Saves to"
      description="The contact field this answer fills; a custom field must fit the kind of answer."
      data={data}
      value={valueOf(field.maps_to)}
      onChange={(v) => v && onChange(targetOf(v))}
      searchable
      allowDeselect={false}
      disabled={field.kind === 'email'}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
