import { useState } from 'react';
import { Alert, Badge, Button, Code, Group, Modal, Paper, Skeleton, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconLifebuoy, IconShieldCheck } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { Form } from '../../api/forms';
import { submissionQueries, useRescueSpam, type SpamPost } from '../../api/submissions';
import { useCan } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { formatDateTime, formatRelative, plural } from '../../format';
import { notifyError, notifySuccess } from '../../notify';
import { LIKELY_PEOPLE, SPAM_REASON_WORDS } from './spam-reasons';
import { answerText, fieldLabels, shortPage } from './submission-values';

function RescueDialog({ post, labels, onClose, onRescue, loading }: { post: SpamPost | null; labels: ReadonlyMap<string, string>; onClose: () => void; onRescue: () => void; loading: boolean }) {
  return (
    <Modal opened={post !== null} onClose={onClose} title={<Text fw={650}>Rescue this post?</Text>} size="md">
      {post && (
        <Stack>
          <Text fz="sm">
            It becomes a submission like any other: the contact is created or updated, the form’s tags, lists and consents apply, and follow-ups and notifications run. It then leaves the spam list.
          </Text>
          <Paper withBorder p="sm" bg="gray.0">
            <Stack gap={4}>
              {Object.entries(post.values).slice(0, 8).map(([key, value]) => (
                <Group key={key} gap="xs" wrap="nowrap" align="baseline">
                  <Text fz="xs" c="dimmed" w={110} style={{ flexShrink: 0 }} truncate="end">
                    {labels.get(key) ?? key}
                  </Text>
                  <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
                    {answerText(value)}
                  </Text>
                </Group>
              ))}
            </Stack>
          </Paper>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button leftSection={<IconLifebuoy size={16} />} loading={loading} onClick={onRescue}>
              Rescue as a submission
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** Posts the spam checks kept out (30 days), each with its reason in words; a false positive can be rescued. */
export function FormSpamPanel({ form }: { form: Form }) {
  const { slug } = useWorkspace();
  const manage = useCan('marketing.write');
  const spam = useInfiniteQuery(submissionQueries.spam(slug, form.id));
  const rescue = useRescueSpam(slug, form.id);
  const [asking, setAsking] = useState<SpamPost | null>(null);
  const labels = fieldLabels(form);
  const rows = spam.data?.pages.flatMap((p) => p.data);

  const rescueNow = () => {
    if (!asking) return;
    rescue.mutate(asking.id, {
      onSuccess: () => {
        notifySuccess(`${asking.email ?? 'The post'} is now a submission`);
        setAsking(null);
      },
      onError: (error) => {
        notifyError(error, 'Could not rescue the post');
        setAsking(null);
      },
    });
  };

  if (spam.isError && !rows) return <QueryError error={spam.error} onRetry={() => void spam.refetch()} />;
  if (!rows) return <Skeleton h={220} />;
  return (
    <Stack gap="sm">
      <Text fz="sm" c="dimmed">
        Posts kept out by the spam checks. Bots were told they succeeded; nothing reached your contacts. They are kept for 30 days so you can rescue a real person.
      </Text>
      {rows.length === 0 ? (
        <Paper withBorder p="xl">
          <Stack align="center" gap={6}>
            <IconShieldCheck size={32} color="var(--mantine-color-teal-6)" />
            <Text fw={600}>No spam in the last 30 days</Text>
            <Text fz="sm" c="dimmed">
              Posts blocked by the hidden field, the fill time, the rate limits or the blocked domains appear here.
            </Text>
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder style={{ overflow: 'hidden' }}>
          <Table verticalSpacing="xs" horizontalSpacing="md" aria-label="Spam" style={{ tableLayout: 'fixed' }}>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th w="24%">Email</Table.Th>
                <Table.Th w="24%">Why it was blocked</Table.Th>
                <Table.Th>Page</Table.Th>
                <Table.Th w={130}>IP address</Table.Th>
                <Table.Th w={120}>Received</Table.Th>
                {manage && <Table.Th w={110} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((post) => (
                <Table.Tr key={post.id} data-testid="spam-row">
                  <Table.Td>
                    <Text fz="sm" fw={post.email ? 600 : undefined} c={post.email ? undefined : 'dimmed'} truncate="end">
                      {post.email ?? 'No address'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={post.detail ?? SPAM_REASON_WORDS[post.reason]} multiline maw={320}>
                      <Badge variant="light" color={LIKELY_PEOPLE.has(post.reason) ? 'orange' : 'red'} tt="none" radius="sm" maw="100%">
                        {SPAM_REASON_WORDS[post.reason]}
                      </Badge>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm" truncate="end" title={post.page_url ?? undefined}>
                      {shortPage(post.page_url)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {post.ip ? <Code fz="xs">{post.ip}</Code> : <Text fz="sm" c="dimmed">—</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={formatDateTime(post.received_at)}>
                      <Text fz="sm" w="fit-content">
                        {formatRelative(post.received_at)}
                      </Text>
                    </Tooltip>
                  </Table.Td>
                  {manage && (
                    <Table.Td ta="right">
                      <Button size="compact-xs" variant="default" leftSection={<IconLifebuoy size={13} />} onClick={() => setAsking(post)}>
                        Rescue
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <LoadMore hasMore={Boolean(spam.hasNextPage)} loading={spam.isFetchingNextPage} onLoad={() => void spam.fetchNextPage()}>
            <Text fz="sm" c="dimmed">
              {spam.hasNextPage ? `Showing the latest ${rows.length.toLocaleString()}` : plural(rows.length, 'blocked post')}
            </Text>
          </LoadMore>
        </Paper>
      )}
      {!manage && rows.length > 0 && (
        <Alert variant="light" color="gray">
          Only people who manage marketing can rescue a post.
        </Alert>
      )}
      <RescueDialog post={asking} labels={labels} onClose={() => setAsking(null)} onRescue={rescueNow} loading={rescue.isPending} />
    </Stack>
  );
}
