import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Code,
  Group,
  List,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  TagsInput,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconShieldCheck, IconSparkles } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { customFieldsQuery } from '../../api/custom-fields';
import {
  importQueries,
  useCancelImport,
  useStartImport,
  type ContactImport,
  type ImportOptions,
  type MappingEntry,
} from '../../api/imports';
import { useWorkspace } from '../../auth/workspace-context';
import { QueryError } from '../../components/QueryError';
import { notifyError } from '../../notify';
import { creatableFields, mappingProblems, sampleValues, targetOf, targetOptions, targetValue } from './import-mapping';
import { plural } from '../../format';

/** Step 2 of an import: check the column mapping and the options, then start. */
export function MappingStep({ imp }: { imp: ContactImport }) {
  const { slug } = useWorkspace();
  const navigate = useNavigate();
  const preview = useQuery(importQueries.preview(slug, imp.id));
  const fields = useQuery(customFieldsQuery(slug));
  const [mapping, setMapping] = useState<MappingEntry[] | null>(null);
  const [options, setOptions] = useState<ImportOptions>(imp.options);

  const definitions = useMemo(() => fields.data ?? [], [fields.data]);
  const newFields = useMemo(() => (preview.data ? creatableFields(preview.data, definitions) : []), [preview.data, definitions]);
  const newKeys = useMemo(() => new Set(newFields.map((f) => f.key)), [newFields]);
  // Columns no field matched: the guess suggests a new custom field for each, taken in one click.
  const suggestions = useMemo(() => {
    const byColumn = new Map<number, string>();
    for (const entry of preview.data?.mapping ?? []) {
      if (entry.target.kind === 'custom' && newKeys.has(entry.target.key)) byColumn.set(entry.column, entry.target.key);
    }
    return byColumn;
  }, [preview.data, newKeys]);

  useEffect(() => {
    if (!preview.data || !fields.data || mapping) return;
    // Every column is kept by default, unknown ones as new contact fields: nothing is dropped
    // unless the marketer says so.
    setMapping(preview.data.mapping.map(({ column, header, target }) => ({ column, header, target })));
  }, [preview.data, fields.data, mapping]);

  const choices = useMemo(() => targetOptions(definitions, newFields), [definitions, newFields]);
  // Opt-outs and consent evidence may be moved to another field, never left out.
  const keptChoices = useMemo(() => choices.filter((group) => group.group !== 'Skip'), [choices]);
  const compliance = useMemo(() => new Set((preview.data?.mapping ?? []).filter((m) => m.compliance).map((m) => m.column)), [preview.data]);
  const labelOf = (value: string) => choices.flatMap((g) => g.items).find((i) => i.value === value)?.label ?? value;
  const problems = mapping ? mappingProblems(mapping, labelOf) : [];
  const creating = (mapping ?? []).filter((m) => m.target.kind === 'custom' && newKeys.has(m.target.key));
  const unmatched = (mapping ?? []).filter((m) => m.target.kind === 'ignore' && suggestions.has(m.column));
  const skippable = (mapping ?? []).filter((m) => m.target.kind === 'custom' && newKeys.has(m.target.key) && !compliance.has(m.column));

  const start = useStartImport(slug, imp.id);
  const startNow = () =>
    start.mutate({ mapping, options: { ...options, create_fields: creating.length > 0 } }, { onError: (error) => notifyError(error, 'Could not start the import') });
  const cancel = useCancelImport(slug, imp.id);
  const cancelNow = () =>
    cancel.mutate(undefined, {
      onSuccess: () => void navigate(`/w/${slug}/contacts/import`),
      onError: (error) => notifyError(error, 'Could not cancel the import'),
    });

  if (preview.isError) return <QueryError error={preview.error} onRetry={() => void preview.refetch()} />;
  if (!preview.data || !mapping) return <Skeleton h={320} />;

  const setTarget = (column: number, value: string | null) =>
    setMapping((current) => current!.map((m) => (m.column === column ? { ...m, target: targetOf(value ?? 'ignore') } : m)));
  const serverErrors = start.error instanceof ApiError ? start.error.errors : [];

  return (
    <Stack gap="xl">
      <div>
        <Group justify="space-between" align="flex-end" mb="sm">
          <div>
            <Title order={3} fz="md">
              Which field does each column fill?
            </Title>
            <Text fz="sm" c="dimmed">
              {preview.data.vendor ? `A ${preview.data.vendor} export: ` : ''}
              {preview.data.headers.length} columns found{preview.data.encoding !== 'utf-8' ? `, read as ${preview.data.encoding}` : ''}.
              Columns no field matches become new contact fields; set one to “Don’t import” to leave it out.
            </Text>
          </div>
          {unmatched.length > 0 ? (
            <Button
              variant="light"
              leftSection={<IconSparkles size={16} />}
              onClick={() =>
                setMapping((current) =>
                  current!.map((m) =>
                    m.target.kind === 'ignore' && suggestions.has(m.column) ? { ...m, target: { kind: 'custom', key: suggestions.get(m.column)! } } : m,
                  ),
                )
              }
            >
              Keep {plural(unmatched.length, 'skipped column')} as new fields
            </Button>
          ) : (
            skippable.length > 0 && (
              <Button
                variant="subtle"
                color="gray"
                onClick={() =>
                  setMapping((current) => current!.map((m) => (skippable.some((s) => s.column === m.column) ? { ...m, target: { kind: 'ignore' } } : m)))
                }
              >
                Don’t import the {plural(skippable.length, 'new field')}
              </Button>
            )
          )}
        </Group>
        <Paper withBorder style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer minWidth={720} type="native">
            <Table verticalSpacing="xs" horizontalSpacing="md">
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th w="28%">Column in the file</Table.Th>
                  <Table.Th>First values</Table.Th>
                  <Table.Th w={320}>Imports into</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {mapping.map((entry) => {
                  const guessed = preview.data.mapping.find((m) => m.column === entry.column);
                  const sure = guessed?.confidence === 'exact' || guessed?.confidence === 'alias';
                  const unchanged = guessed && targetValue(guessed.target) === targetValue(entry.target);
                  const samples = sampleValues(preview.data, entry.column);
                  return (
                    <Table.Tr key={entry.column} opacity={entry.target.kind === 'ignore' ? 0.65 : 1}>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Text fz="sm" fw={600} truncate maw={240} title={entry.header}>
                            {entry.header || <i>(no name)</i>}
                          </Text>
                          {sure && unchanged && entry.target.kind !== 'ignore' && (
                            <Tooltip label="Recognised from the column’s name">
                              <IconCircleCheck size={16} color="var(--mantine-color-teal-6)" style={{ flexShrink: 0 }} />
                            </Tooltip>
                          )}
                          {compliance.has(entry.column) && (
                            <Tooltip label="Opt-outs or consent evidence: always imported" multiline w={220}>
                              <IconShieldCheck size={16} color="var(--mantine-color-blue-6)" style={{ flexShrink: 0 }} aria-label="Opt-outs or consent evidence" />
                            </Tooltip>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        {samples.length ? (
                          <Text fz="xs" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                            {samples.join(' · ')}
                          </Text>
                        ) : (
                          <Text fz="xs" c="gray.5">
                            empty in the first rows
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Select
                          aria-label={`Field for column ${entry.header}`}
                          size="xs"
                          data={compliance.has(entry.column) ? keptChoices : choices}
                          value={targetValue(entry.target)}
                          onChange={(value) => setTarget(entry.column, value)}
                          allowDeselect={false}
                          searchable
                          maxDropdownHeight={320}
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
        {creating.length > 0 && (
          <Text fz="sm" c="dimmed" mt="sm">
            {creating.length === 1 ? 'One new contact field' : `${creating.length} new contact fields`} will be created:{' '}
            {creating.map((m) => newFields.find((f) => m.target.kind === 'custom' && f.key === m.target.key)?.label).join(', ')}.
          </Text>
        )}
      </div>

      <div>
        <Title order={3} fz="md" mb="sm">
          Options
        </Title>
        <Paper withBorder p="lg">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl" verticalSpacing="lg">
            <Stack gap="xs">
              <Text fz="sm" fw={500}>
                Contacts already in Inflow (same email or external ID)
              </Text>
              <SegmentedControl
                data={[
                  { value: 'update', label: 'Update them' },
                  { value: 'skip', label: 'Leave them as they are' },
                ]}
                value={options.on_existing}
                onChange={(value) => setOptions((o) => ({ ...o, on_existing: value as ImportOptions['on_existing'] }))}
              />
              {options.on_existing === 'update' && (
                <Checkbox
                  label="Only fill in fields that are empty"
                  description="Values already in Inflow are kept; the file only adds what is missing."
                  checked={options.keep_existing}
                  onChange={(e) => setOptions((o) => ({ ...o, keep_existing: e.currentTarget.checked }))}
                />
              )}
            </Stack>
            <TagsInput
              label="Tag every imported contact"
              description="Makes this import easy to find and segment later."
              placeholder={options.tags.length ? undefined : 'import-webinar-march'}
              value={options.tags}
              onChange={(tags) => setOptions((o) => ({ ...o, tags }))}
              acceptValueOnBlur
            />
            <Select
              label="Dates like 05/03/2024 mean"
              description="Dates written as 2024-03-05 are always read correctly."
              data={[
                { value: 'month', label: 'May 3 (month first, US style)' },
                { value: 'day', label: '5 March (day first)' },
              ]}
              value={options.day_first ? 'day' : 'month'}
              allowDeselect={false}
              onChange={(value) => setOptions((o) => ({ ...o, day_first: value === 'day' }))}
            />
            <TagsInput
              label="Values that mean “not answered”"
              description={
                <>
                  Cells holding exactly one of these are left empty, so a form’s <Code fz="xs">Select</Code> never
                  becomes a city.
                </>
              }
              value={options.placeholders}
              onChange={(placeholders) => setOptions((o) => ({ ...o, placeholders }))}
              acceptValueOnBlur
              clearable
            />
          </SimpleGrid>
        </Paper>
      </div>

      {(problems.length > 0 || serverErrors.length > 0) && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title="Before the import can start">
          <List size="sm" spacing={4}>
            {problems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
            {serverErrors.map((e, i) => (
              <List.Item key={`server-${i}`}>{e.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}

      <Group justify="space-between">
        <Button variant="subtle" color="gray" loading={cancel.isPending} onClick={cancelNow}>
          Cancel this import
        </Button>
        <Button size="md" disabled={problems.length > 0} loading={start.isPending} onClick={startNow}>
          Start import
        </Button>
      </Group>
    </Stack>
  );
}
