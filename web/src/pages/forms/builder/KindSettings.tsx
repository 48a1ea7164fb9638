import { Group, NumberInput, SegmentedControl, Select, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import type { FormField } from '../../../api/forms';
import { HIDDEN_SOURCES, type HiddenSource } from './field-kinds';
import { OptionsEditor } from './OptionsEditor';

type Of<K extends FormField['kind']> = Extract<FormField, { kind: K }>;
const num = (v: string | number) => (typeof v === 'number' ? v : undefined);

/** A date limit: none, today (a rule that stays true over time), or a day. */
function DateLimit({ label, value, onChange }: { label: string; value: string | undefined; onChange: (v: string | undefined) => void }) {
  const mode = value === undefined ? 'none' : value === 'today' ? 'today' : 'date';
  return (
    <Stack gap={4}>
      <Text fz="sm" fw={500}>
        {label}
      </Text>
      <Group gap="xs">
        <SegmentedControl
          size="xs"
          value={mode}
          onChange={(m) => onChange(m === 'none' ? undefined : m === 'today' ? 'today' : new Date().toISOString().slice(0, 10))}
          data={[{ value: 'none', label: 'Any' }, { value: 'today', label: 'Today' }, { value: 'date', label: 'A date' }]}
          aria-label={label}
        />
        {mode === 'date' && <TextInput size="xs" type="date" aria-label={`${label}: date`} value={value} onChange={(e) => onChange(e.currentTarget.value || undefined)} />}
      </Group>
    </Stack>
  );
}

/** What only this kind of field has: options, validation rules, consent wording, a hidden value's source. */
export function KindSettings({ field, set, errors, readOnly }: { field: FormField; set: (patch: Partial<FormField>) => void; errors: Record<string, string>; readOnly: boolean }) {
  switch (field.kind) {
    case 'email':
      return (
        <Switch
          label="Business addresses only"
          description="Asks for a work address: free mail (Gmail, Outlook…) is refused with an error by the field."
          checked={field.business_only}
          onChange={(e) => set({ business_only: e.currentTarget.checked } as Partial<Of<'email'>>)}
        />
      );
    case 'text':
      return (
        <Stack gap="sm">
          <SegmentedControl value={field.format} onChange={(v) => set({ format: v as Of<'text'>['format'] })} data={[{ value: 'plain', label: 'Any text' }, { value: 'url', label: 'A web address' }]} aria-label="Format" />
          <Group grow>
            <NumberInput label="Minimum length" min={0} max={500} value={field.min_length ?? ''} onChange={(v) => set({ min_length: num(v) })} error={errors.min_length} placeholder="None" />
            <NumberInput label="Maximum length" min={1} max={500} value={field.max_length} onChange={(v) => set({ max_length: num(v) ?? 200 })} error={errors.max_length} />
          </Group>
        </Stack>
      );
    case 'textarea':
      return <NumberInput label="Maximum length" min={1} max={10_000} value={field.max_length} onChange={(v) => set({ max_length: num(v) ?? 2000 })} error={errors.max_length} />;
    case 'number':
      return (
        <Stack gap="sm">
          <Group grow>
            <NumberInput label="Minimum" value={field.min ?? ''} onChange={(v) => set({ min: num(v) })} error={errors.min} placeholder="None" />
            <NumberInput label="Maximum" value={field.max ?? ''} onChange={(v) => set({ max: num(v) })} error={errors.max} placeholder="None" />
          </Group>
          <Switch label="Whole numbers only" checked={field.integer} onChange={(e) => set({ integer: e.currentTarget.checked } as Partial<Of<'number'>>)} />
        </Stack>
      );
    case 'select':
      return (
        <Stack gap="sm">
          <SegmentedControl value={field.display} onChange={(v) => set({ display: v as Of<'select'>['display'] })} data={[{ value: 'dropdown', label: 'Dropdown' }, { value: 'radio', label: 'Radio buttons' }]} aria-label="Shown as" />
          <OptionsEditor options={field.options} error={errors.options} onChange={(options) => set({ options } as Partial<Of<'select'>>)} readOnly={readOnly} />
        </Stack>
      );
    case 'multiselect':
      return (
        <Stack gap="sm">
          <OptionsEditor options={field.options} error={errors.options} onChange={(options) => set({ options } as Partial<Of<'multiselect'>>)} readOnly={readOnly} />
          <Group grow>
            <NumberInput label="At least" min={0} max={500} value={field.min_selected ?? ''} onChange={(v) => set({ min_selected: num(v) })} error={errors.min_selected} placeholder="Any" />
            <NumberInput label="At most" min={1} max={500} value={field.max_selected ?? ''} onChange={(v) => set({ max_selected: num(v) })} error={errors.max_selected} placeholder="Any" />
          </Group>
        </Stack>
      );
    case 'date':
      return (
        <Stack gap="sm">
          <DateLimit label="Earliest" value={field.min} onChange={(min) => set({ min } as Partial<Of<'date'>>)} />
          <DateLimit label="Latest" value={field.max} onChange={(max) => set({ max } as Partial<Of<'date'>>)} />
        </Stack>
      );
    case 'consent':
      return (
        <Stack gap="sm">
          <TextInput
            label="Purpose"
            description="What the consent is for, recorded with it (email_marketing, sms, partners…)."
            value={field.purpose}
            onChange={(e) => set({ purpose: e.currentTarget.value } as Partial<Of<'consent'>>)}
            error={errors.purpose}
          />
          <Textarea
            label="Legal text"
            description="Exactly what the person agrees to, stored word for word with each consent. Link a page with [privacy policy](https://…)."
            autosize
            minRows={3}
            value={field.text}
            onChange={(e) => set({ text: e.currentTarget.value } as Partial<Of<'consent'>>)}
            error={errors.text}
          />
        </Stack>
      );
    case 'hidden':
      return (
        <Stack gap="sm">
          <Select
            label="Filled with"
            data={(Object.keys(HIDDEN_SOURCES) as HiddenSource[]).map((s) => ({ value: s, label: HIDDEN_SOURCES[s] }))}
            value={field.source}
            onChange={(v) => v && set({ source: v as HiddenSource } as Partial<Of<'hidden'>>)}
            allowDeselect={false}
            error={errors.source}
          />
          {field.source === 'query' && (
            <TextInput label="Query parameter" description="Its value in the page’s address (?gclid=…)." value={field.param ?? ''} onChange={(e) => set({ param: e.currentTarget.value || undefined } as Partial<Of<'hidden'>>)} error={errors.param} />
          )}
          {field.source === 'fixed' && (
            <TextInput label="Value" description="Sent with every submission of this form." value={field.value ?? ''} onChange={(e) => set({ value: e.currentTarget.value } as Partial<Of<'hidden'>>)} error={errors.value} />
          )}
        </Stack>
      );
    default:
      return (
        <Text fz="sm" c="dimmed">
          No other settings for this kind of field.
        </Text>
      );
  }
}
