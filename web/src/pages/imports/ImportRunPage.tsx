import { Group, Skeleton, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { importQueries, isFinished } from '../../api/imports';
import { useWorkspace } from '../../auth/workspace-context';
import { PageContainer } from '../../components/PageContainer';
import { QueryError } from '../../components/QueryError';
import { StatusMessage } from '../../components/StatusMessage';
import { ImportProgress } from './ImportProgress';
import { ImportStatusBadge } from './ImportStatusBadge';
import { MappingStep } from './MappingStep';
import { BackLink } from '../../components/BackLink';

/** `/w/:slug/contacts/imports/:id`: map the columns of a draft, then follow the run to its end. */
export function ImportRunPage() {
  const { id = '' } = useParams();
  const { slug } = useWorkspace();
  const imp = useQuery({
    ...importQueries.one(slug, id),
    // While it runs, ask every second: the progress bar is the point of this page.
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'queued' || status === 'running' ? 1000 : false;
    },
  });

  const back = (
    <BackLink to={`/w/${slug}/contacts/import`}>Imports</BackLink>
  );

  if (imp.isError) {
    const missing = imp.error instanceof ApiError && imp.error.status === 404;
    return (
      <PageContainer>
        {back}
        {missing ? (
          <StatusMessage
            icon={<IconFileSpreadsheet size={26} stroke={1.7} />}
            title="This import does not exist"
            description="The link may be wrong, or the import belongs to another workspace."
          />
        ) : (
          <QueryError error={imp.error} onRetry={() => void imp.refetch()} />
        )}
      </PageContainer>
    );
  }

  const data = imp.data;
  const step = !data ? 1 : data.status === 'draft' ? 1 : isFinished(data.status) ? 3 : 2;
  return (
    <PageContainer>
      {back}
      <Group justify="space-between" align="flex-start" mt="md" mb="xl">
        <Stack gap={4} miw={0}>
          <Title order={2} fz={24} style={{ overflowWrap: 'anywhere' }}>
            {data ? `Import “${data.file_name}”` : 'Import'}
          </Title>
          <Text fz="sm" c="dimmed">
            Upload the file, check the columns, import.
          </Text>
        </Stack>
        {data && <ImportStatusBadge imp={data} />}
      </Group>
      <Stepper active={step} size="sm" mb="xl" allowNextStepsSelect={false}>
        <Stepper.Step label="Upload" description="CSV file" />
        <Stepper.Step label="Map columns" description="Fields and options" />
        <Stepper.Step label="Import" description="Progress" />
      </Stepper>
      {!data ? <Skeleton h={320} /> : data.status === 'draft' ? <MappingStep imp={data} /> : <ImportProgress imp={data} />}
    </PageContainer>
  );
}
