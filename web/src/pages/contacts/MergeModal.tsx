import { useEffect } from 'react';
import { Button, Group, Modal, Radio, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useMergeContacts, type Contact } from '../../api/contacts';
import { customFieldsQuery } from '../../api/custom-fields';
import type { Member } from '../../api/types';
import { useWorkspace } from '../../auth/workspace-context';
import { formatDate } from '../../format';
import { notifyError, notifySuccess } from '../../notify';
import { ownerName } from '../../components/contact-columns';
import { contactName, customValueText, FIELD_LABELS, fieldLabel, stageLabel, type ContactField } from '../../contact-fields';

// The fields whose surviving value a person may choose (the API's CHOOSABLE_FIELDS), company aside:
// the company follows the email that survives. Scores, flags and tags are merged by the server.
const NOT_CHOSEN: ReadonlySet<ContactField> = new Set(['company_id', 'do_not_email', 'do_not_call', 'tags', 'score', 'fit_score', 'temperature']);
const CHOOSABLE = (Object.keys(FIELD_LABELS) as ContactField[]).filter((f) => !NOT_CHOSEN.has(f));

const blank = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

interface Props {
  pair: { contact: Contact; other: Contact } | null;
  members: ReadonlyMap<string, Member>;
  onClose: () => void;
  onMerged: (survivor: Contact) => void;
}

/** Two records of one person become one: pick the record to keep, then each value that differs. */
export function MergeModal({ pair, members, onClose, onMerged }: Props) {
  const { slug } = useWorkspace();
  const customFields = useQuery(customFieldsQuery(slug));
  // `keep` holds only the choices made: a field left alone goes to the server's default.
  const form = useForm({ initialValues: { survivorSide: 'a' as 'a' | 'b', keep: {} as Record<string, 'this' | 'other'> } });

  // Each pair starts over.
  const { reset } = form;
  useEffect(() => reset(), [pair, reset]);

  const { survivorSide, keep } = form.values;
  const survivor = pair ? (survivorSide === 'a' ? pair.contact : pair.other) : null;
  const other = pair ? (survivorSide === 'a' ? pair.other : pair.contact) : null;

  const merge = useMergeContacts(slug);

  if (!pair || !survivor || !other) return null;

  // Two records of one person usually share a name: the email (or ID) tells them apart.
  const recordLabel = (c: Contact) => c.email ?? c.external_id ?? contactName(c);

  const show = (field: string, value: unknown): string => {
    if (blank(value)) return '—';
    if (field === 'lifecycle_stage') return stageLabel(String(value));
    if (field === 'owner_id') return ownerName(members, String(value)) ?? '—';
    if (field.startsWith('custom.')) return customValueText(value, customFields.data?.find((f) => f.key === field.slice(7)));
    return String(value);
  };
  const label = (field: string) =>
    field.startsWith('custom.') ? (customFields.data?.find((f) => f.key === field.slice(7))?.label ?? field.slice(7)) : fieldLabel(field);
  const valueOf = (c: Contact, field: string) =>
    field.startsWith('custom.') ? c.custom[field.slice(7)] : (c as unknown as Record<string, unknown>)[field];

  const customKeys = [...new Set([...Object.keys(survivor.custom), ...Object.keys(other.custom)])].map((k) => `custom.${k}`);
  // Only real conflicts need a choice: an empty value is simply filled from the other record.
  const conflicts = [...CHOOSABLE, ...customKeys].filter((field) => {
    const a = valueOf(survivor, field);
    const b = valueOf(other, field);
    return !blank(a) && !blank(b) && !same(a, b) && field !== 'lifecycle_stage';
  });

  const submit = form.onSubmit((values) =>
    merge.mutate(
      { survivorId: survivor.id, other_id: other.id, keep: values.keep },
      {
        onSuccess: (merged) => {
          notifySuccess(`Merged into ${contactName(merged)}: one contact, with both histories`);
          onMerged(merged);
        },
        onError: (error) => notifyError(error, 'Could not merge the contacts'),
      },
    ),
  );

  return (
    <Modal opened onClose={onClose} title={<Text fw={650}>Merge two contacts</Text>} size="xl">
      {/* Not a <form>: Enter on a focused choice would merge, and a merge cannot be undone. */}
      <div>
        <Stack>
          <div>
            <Text fz="sm" fw={500} mb={6}>
              Which record stays?
            </Text>
            <SegmentedControl
              fullWidth
              value={survivorSide}
              // The choices are between the kept record and the other, so they do not survive a swap.
              onChange={(v) => form.setValues({ survivorSide: v as 'a' | 'b', keep: {} })}
              data={[
                { value: 'a', label: `${recordLabel(pair.contact)} · added ${formatDate(pair.contact.created_at)}` },
                { value: 'b', label: `${recordLabel(pair.other)} · added ${formatDate(pair.other.created_at)}` },
              ]}
            />
          </div>
          {conflicts.length > 0 ? (
            <>
              <Text fz="sm" c="dimmed">
                These fields hold different values. Pick the one to keep; the other is recorded on the timeline.
              </Text>
              <Table verticalSpacing="xs" withTableBorder>
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <Table.Th w={160}>Field</Table.Th>
                    <Table.Th>Kept record</Table.Th>
                    <Table.Th>Merged record</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {conflicts.map((field) => {
                    const side = keep[field] ?? 'this';
                    return (
                      <Table.Tr key={field}>
                        <Table.Td>
                          <Text fz="sm" fw={500}>
                            {label(field)}
                          </Text>
                        </Table.Td>
                        {(['this', 'other'] as const).map((s) => (
                          <Table.Td key={s}>
                            <Radio
                              size="sm"
                              name={field}
                              checked={side === s}
                              // Not the path `keep.${field}`: the dot in custom.<key> would read as nesting.
                              onChange={() => form.setFieldValue('keep', (k) => ({ ...k, [field]: s }))}
                              label={<span style={{ overflowWrap: 'anywhere' }}>{show(field, valueOf(s === 'this' ? survivor : other, field))}</span>}
                            />
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </>
          ) : (
            <Text fz="sm" c="dimmed">
              No field holds two different values: empty fields are filled from the other record.
            </Text>
          )}
          <Text fz="xs" c="dimmed">
            Tags are combined, the further lifecycle stage wins, and any “do not email” or “do not call” from either record
            is kept. The timeline, notes, consents and lists of {recordLabel(other)} move to {recordLabel(survivor)}, then{' '}
            {recordLabel(other)} is deleted.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={() => submit()} loading={merge.isPending}>
              Merge into {recordLabel(survivor)}
            </Button>
          </Group>
        </Stack>
      </div>
    </Modal>
  );
}
