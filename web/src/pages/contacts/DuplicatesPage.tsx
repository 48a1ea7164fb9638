import { useMemo, useState } from 'react';
import { Anchor, Avatar, Badge, Button, Grid, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconArrowMerge, IconCopyCheck } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { duplicatesKey, listDuplicates, type Contact, type DuplicatePair, type DuplicateReason } from '../../api/contacts';
import { listMembers, membersKey } from '../../api/members';
import { canEditContacts } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { PageContainer } from '../../components/PageContainer';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { StageBadge } from '../../components/StageBadge';
import { StatusMessage } from '../../components/StatusMessage';
import { formatDate, initials } from '../../format';
import { contactName } from './contact-fields';
import { MergeModal } from './MergeModal';

const REASONS: Record<DuplicateReason, string> = {
  same_name_and_company: 'Same name and company',
  same_phone: 'Same phone',
};

function Side({ contact }: { contact: Contact }) {
  const { slug } = useWorkspace();
  const name = contactName(contact);
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <Avatar size={36} radius="xl" color="brand" variant="light">
        {initials(name)}
      </Avatar>
      <Stack gap={2} miw={0}>
        <Anchor component={Link} to={`/w/${slug}/contacts/${contact.id}`} fz="sm" fw={600} c="dark.7" truncate="end">
          {name}
        </Anchor>
        <Text fz="xs" c="dimmed" truncate>
          {[contact.email ?? contact.external_id, contact.phone].filter(Boolean).join(' · ')}
        </Text>
        <Text fz="xs" c="dimmed" truncate>
          {[contact.company_name, `added ${formatDate(contact.created_at)}`].filter(Boolean).join(' · ')}
        </Text>
        <div>
          <StageBadge stage={contact.lifecycle_stage} size="xs" />
        </div>
      </Stack>
    </Group>
  );
}

/** `/w/:slug/contacts/duplicates`: pairs that look like one person, each a click from being merged. */
export function DuplicatesPage() {
  const { slug, role } = useWorkspace();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const editable = canEditContacts(role);
  const [merging, setMerging] = useState<DuplicatePair | null>(null);
  const members = useQuery({ queryKey: membersKey(slug), queryFn: () => listMembers(slug), retry: false });
  const memberMap = useMemo(() => new Map((members.data ?? []).map((m) => [m.user_id, m])), [members.data]);
  const pairs = useInfiniteQuery({
    queryKey: duplicatesKey(slug),
    queryFn: ({ pageParam }) => listDuplicates(slug, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
  const rows = pairs.data?.pages.flatMap((p) => p.data);

  function content() {
    if (pairs.isError) return <QueryError error={pairs.error} onRetry={() => void pairs.refetch()} />;
    if (!rows) return <Skeleton h={120} />;
    if (rows.length === 0) {
      return (
        <Paper withBorder>
          <StatusMessage
            icon={<IconCopyCheck size={26} stroke={1.7} />}
            title="No likely duplicates"
            description="No two contacts share a name at the same company, or a phone number. Contacts with the same email are never duplicated: they are one contact already."
          />
        </Paper>
      );
    }
    return (
      <Stack gap="sm">
        {rows.map((pair) => (
          <Paper withBorder p="md" key={`${pair.contact.id}-${pair.other.id}`}>
            <Group justify="space-between" mb="sm">
              <Group gap={6}>
                {pair.reasons.map((r) => (
                  <Badge key={r} variant="light" color="orange" radius="sm" tt="none" fw={600} miw="max-content">
                    {REASONS[r] ?? r}
                  </Badge>
                ))}
              </Group>
              {editable && (
                <Button size="xs" variant="light" leftSection={<IconArrowMerge size={14} />} onClick={() => setMerging(pair)}>
                  Merge…
                </Button>
              )}
            </Group>
            <Grid gap="md">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Side contact={pair.contact} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Side contact={pair.other} />
              </Grid.Col>
            </Grid>
          </Paper>
        ))}
        {pairs.hasNextPage && (
          <Group justify="center">
            <Button variant="default" size="xs" loading={pairs.isFetchingNextPage} onClick={() => void pairs.fetchNextPage()}>
              Show more pairs
            </Button>
          </Group>
        )}
      </Stack>
    );
  }

  return (
    <PageContainer>
      <Anchor component={Link} to={`/w/${slug}/contacts`} fz="sm" c="dimmed">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          Contacts
        </Group>
      </Anchor>
      <PageHeader
        title="Possible duplicates"
        description="Pairs that look like the same person: the same name at the same company, or the same phone number. Merging keeps one contact with the history of both."
      />
      {content()}
      <MergeModal
        pair={merging}
        members={memberMap}
        onClose={() => setMerging(null)}
        onMerged={(survivor) => {
          setMerging(null);
          void queryClient.invalidateQueries({ queryKey: duplicatesKey(slug) });
          void navigate(`/w/${slug}/contacts/${survivor.id}`);
        }}
      />
    </PageContainer>
  );
}
