import { Badge, Button, Grid, Group, Paper, Skeleton, Stack, Table, Tabs, Text } from '@mantine/core';
import { IconRocket } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { formQueries, usePublishForm, type Form } from '../../api/forms';
import { useCan } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { BackLink } from '../../components/BackLink';
import { PageContainer } from '../../components/PageContainer';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { FIELD_LABELS } from '../../contact-fields';
import { plural } from '../../format';
import { notifyError, notifySuccess } from '../../notify';
import { EmbedCodes } from './EmbedCodes';
import { FormAnalyticsPanel } from './FormAnalyticsPanel';
import { FormPreview } from './FormPreview';
import { FormSpamPanel } from './FormSpamPanel';
import { FormStatusBadge } from './FormStatusBadge';
import { FormSubmissionsPanel } from './FormSubmissionsPanel';

const KIND_LABELS: Record<Form['draft']['fields'][number]['kind'], string> = {
  email: 'Email',
  text: 'Text',
  textarea: 'Long text',
  number: 'Number',
  phone: 'Phone',
  select: 'Choice',
  multiselect: 'Choices',
  checkbox: 'Checkbox',
  date: 'Date',
  country: 'Country',
  consent: 'Consent',
  hidden: 'Hidden',
};

function targetLabel(field: Form['draft']['fields'][number]): string {
  const to = field.maps_to;
  if (to.to === 'standard') return FIELD_LABELS[to.field as keyof typeof FIELD_LABELS] ?? to.field;
  if (to.to === 'custom') return `Custom field ${to.key}`;
  return field.kind === 'consent' ? 'A consent record' : 'The submission only';
}

function FieldsTable({ form }: { form: Form }) {
  return (
    <Paper withBorder style={{ overflow: 'hidden' }}>
      <Table verticalSpacing="xs" horizontalSpacing="md">
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th>Field</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Fills</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {form.draft.fields.map((f) => (
            <Table.Tr key={f.key}>
              <Table.Td>
                <Text fz="sm" fw={600}>
                  {f.label}
                  {f.required && (
                    <Text span c="red.7" aria-label="required">
                      {' '}
                      *
                    </Text>
                  )}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color="gray" radius="sm" tt="none">
                  {KIND_LABELS[f.kind]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{targetLabel(f)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

export function FormPage() {
  const { slug } = useWorkspace();
  const { id = '' } = useParams();
  const manage = useCan('marketing.write');
  const form = useQuery(formQueries.one(slug, id));
  const publish = usePublishForm(slug, id);

  if (form.isError) return <QueryError error={form.error} onRetry={() => void form.refetch()} />;
  if (!form.data) return <Skeleton h={400} />;
  const f = form.data;
  const publishNow = () =>
    publish.mutate(undefined, {
      onSuccess: (p) => notifySuccess(`Version ${p.version} is live`),
      onError: (error) => notifyError(error, 'Could not publish the form'),
    });

  return (
    <PageContainer>
      <Stack gap={4} mb="xs">
        <BackLink to={`/w/${slug}/capture`}>Forms</BackLink>
      </Stack>
      <PageHeader
        title={f.name}
        description={
          <Group gap="xs" component="span">
            <FormStatusBadge form={f} />
            <Text span fz="sm" c="dimmed">
              {plural(f.submissions_total, 'submission')}
            </Text>
          </Group>
        }
        actions={
          manage && (
            <Button leftSection={<IconRocket size={16} />} onClick={publishNow} loading={publish.isPending}>
              {f.live_version === null ? 'Publish' : 'Publish changes'}
            </Button>
          )
        }
      />
      <Tabs defaultValue="preview" keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="preview">Preview</Tabs.Tab>
          <Tabs.Tab value="embed">Embed</Tabs.Tab>
          <Tabs.Tab value="analytics">Analytics</Tabs.Tab>
          <Tabs.Tab value="submissions">Submissions</Tabs.Tab>
          <Tabs.Tab value="spam">Spam</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="preview">
          <Grid gap="xl">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Paper withBorder p="xl">
                <FormPreview id={f.id} definition={f.draft} />
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <FieldsTable form={f} />
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="analytics">
          <FormAnalyticsPanel form={f} />
        </Tabs.Panel>
        <Tabs.Panel value="submissions">
          <FormSubmissionsPanel form={f} />
        </Tabs.Panel>
        <Tabs.Panel value="spam">
          <FormSpamPanel form={f} />
        </Tabs.Panel>
        <Tabs.Panel value="embed">
          <Paper withBorder p="xl">
            <EmbedCodes id={f.id} live={f.live_version !== null} />
          </Paper>
        </Tabs.Panel>
      </Tabs>
    </PageContainer>
  );
}
