import { Anchor, Button, Group, Paper, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { submissionQueries } from '../../api/submissions';
import { useWorkspace } from '../../auth/workspace-context';
import { formatDateTime, formatRelative } from '../../format';
import { shortPage } from '../forms/submission-values';

/** The forms a contact sent, newest first: which form, when, from which page. */
export function ContactSubmissionsCard({ contactId }: { contactId: string }) {
  const { slug } = useWorkspace();
  const submissions = useInfiniteQuery(submissionQueries.ofContact(slug, contactId));
  const rows = submissions.data?.pages.flatMap((p) => p.data);
  return (
    <Paper withBorder p="lg" component="section" aria-label="Form submissions">
      <Title order={3} fz="md" mb="sm">
        Form submissions
      </Title>
      {!rows ? (
        <Skeleton h={24} />
      ) : (
        <Stack gap="sm">
          {rows.length === 0 && (
            <Text fz="sm" c="dimmed">
              Has not sent any form.
            </Text>
          )}
          {rows.map((s) => (
            <div key={s.id} style={{ minWidth: 0 }} data-testid="contact-submission">
              <Group justify="space-between" wrap="nowrap" gap="xs" align="baseline">
                <Anchor component={Link} to={`/w/${slug}/capture/forms/${s.form_id}`} fz="sm" fw={500} truncate="end">
                  {s.form_name}
                </Anchor>
                <Tooltip label={formatDateTime(s.submitted_at)}>
                  <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatRelative(s.submitted_at)}
                  </Text>
                </Tooltip>
              </Group>
              <Text fz="xs" c="dimmed" truncate="end" title={s.page_url ?? undefined}>
                {s.page_url ? `on ${shortPage(s.page_url)}` : 'No page recorded'}
              </Text>
            </div>
          ))}
          {submissions.hasNextPage && (
            <Button variant="subtle" size="compact-xs" w="fit-content" loading={submissions.isFetchingNextPage} onClick={() => void submissions.fetchNextPage()}>
              Show older
            </Button>
          )}
        </Stack>
      )}
    </Paper>
  );
}
