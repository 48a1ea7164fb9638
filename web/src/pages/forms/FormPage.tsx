import { Group, Paper, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { formQueries } from '../../api/forms';
import { useCan } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { BackLink } from '../../components/BackLink';
import { PageContainer } from '../../components/PageContainer';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { plural } from '../../format';
import { BuilderActions } from './builder/BuilderActions';
import { FormBuilder } from './builder/FormBuilder';
import { useDraftEditor } from './builder/use-draft-editor';
import { VersionsPanel } from './builder/VersionsPanel';
import { EmbedCodes } from './EmbedCodes';
import { FormAnalyticsPanel } from './FormAnalyticsPanel';
import { FormSpamPanel } from './FormSpamPanel';
import { FormStatusBadge } from './FormStatusBadge';
import { FormSubmissionsPanel } from './FormSubmissionsPanel';

export function FormPage() {
  const { slug } = useWorkspace();
  const { id = '' } = useParams();
  const manage = useCan('marketing.write');
  const form = useQuery(formQueries.one(slug, id));
  // The builder's working copy lives here, so switching tabs keeps unsaved edits.
  const editor = useDraftEditor(slug, form.data);

  if (form.isError) return <QueryError error={form.error} onRetry={() => void form.refetch()} />;
  if (!form.data) return <Skeleton h={400} />;
  const f = form.data;

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
        actions={manage && editor.draft && <BuilderActions editor={editor} />}
      />
      <Tabs defaultValue="build" keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="build">Build</Tabs.Tab>
          <Tabs.Tab value="embed">Embed</Tabs.Tab>
          <Tabs.Tab value="analytics">Analytics</Tabs.Tab>
          <Tabs.Tab value="submissions">Submissions</Tabs.Tab>
          <Tabs.Tab value="spam">Spam</Tabs.Tab>
          <Tabs.Tab value="versions">Versions</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="build">
          <FormBuilder editor={editor} readOnly={!manage} />
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
            <EmbedCodes id={f.id} liveVersion={f.live_version} />
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="versions">
          <VersionsPanel editor={editor} manage={manage} />
        </Tabs.Panel>
      </Tabs>
    </PageContainer>
  );
}
