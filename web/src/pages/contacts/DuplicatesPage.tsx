import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Anchor, Avatar, Badge, Button, Grid, Group, Loader, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconArrowMerge, IconCopyCheck, IconRefresh, IconX } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { Contact } from '../../api/contacts';
import { duplicatesQuery, useDismissDuplicate, useScanDuplicates, type DuplicatePair, type DuplicateReason } from '../../api/duplicates';
import { memberMap, membersQuery } from '../../api/members';
import { useCan } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { PageContainer } from '../../components/PageContainer';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { StageBadge } from '../../components/StageBadge';
import { StatusMessage } from '../../components/StatusMessage';
import { formatDate, formatRelative, initials } from '../../format';
import { notifyError, notifySuccess } from '../../notify';
import { contactName } from '../../contact-fields';
import { MergeModal } from './MergeModal';
import { BackLink } from '../../components/BackLink';

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
  const { slug } = useWorkspace();
  const navigate = useNavigate();
  const editable = useCan('contacts.write');
  const [merging, setMerging] = useState<DuplicatePair | null>(null);
  const members = useQuery(membersQuery(slug));
  const memberById = useMemo(() => memberMap(members.data), [members.data]);
  const pairs = useInfiniteQuery({
    ...duplicatesQuery(slug),
    // Pairs are found by a background scan: look again until it is done.
    refetchInterval: (query) => (query.state.data?.pages[0]?.scanning ? 1500 : false),
  });
  const rows = pairs.data?.pages.flatMap((p) => p.data);
  const scan = pairs.data?.pages[0];
  const startScan = useScanDuplicates(slug);
  const { mutate: requestScan } = startScan;
  const scanNow = useCallback(() => requestScan(undefined, { onError: (error) => notifyError(error, 'Could not start looking for duplicates') }), [requestScan]);
  const dismiss = useDismissDuplicate(slug);
  const dismissPair = (pair: DuplicatePair) =>
    dismiss.mutate(pair, {
      onSuccess: () => notifySuccess('Marked as not a duplicate: this pair will not be suggested again'),
      onError: (error) => notifyError(error, 'Could not mark the pair'),
    });
  // Opening the page looks again when contacts changed since the last scan (or there was none).
  const autoScanned = useRef(false);
  useEffect(() => {
    if (!scan || autoScanned.current || scan.scanning || !scan.outdated || !editable) return;
    autoScanned.current = true;
    scanNow();
  }, [scan, editable, scanNow]);

  function content() {
    if (pairs.isError) return <QueryError error={pairs.error} onRetry={() => void pairs.refetch()} />;
    if (!rows || !scan) return <Skeleton h={120} />;
    if (rows.length === 0 && scan.scanned_at === null) {
      return (
        <Paper withBorder>
          {scan.scanning || startScan.isPending ? (
            <StatusMessage
              icon={<Loader size="sm" />}
              title="Looking for duplicates…"
              description="Every contact is compared with the others by name, company and phone. This takes a few seconds for large databases."
            />
          ) : (
            <StatusMessage
              icon={<IconCopyCheck size={26} stroke={1.7} />}
              title="Not checked yet"
              description={
                editable
                  ? 'Check your contacts for people entered twice: by name and company, and by phone.'
                  : 'Nobody has checked this workspace for duplicates yet; someone who can edit contacts can.'
              }
            />
          )}
        </Paper>
      );
    }
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
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="subtle"
                    color="gray"
                    leftSection={<IconX size={14} />}
                    loading={dismiss.isPending && dismiss.variables === pair}
                    onClick={() => dismissPair(pair)}
                  >
                    Not a duplicate
                  </Button>
                  <Button size="xs" variant="light" leftSection={<IconArrowMerge size={14} />} onClick={() => setMerging(pair)}>
                    Merge…
                  </Button>
                </Group>
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
      <BackLink to={`/w/${slug}/contacts`}>Contacts</BackLink>
      <PageHeader
        title="Possible duplicates"
        description="Pairs that look like the same person: the same name at the same company, or the same phone number. Merging keeps one contact with the history of both."
        actions={
          scan && (
            <Group gap="sm">
              <Text fz="sm" c="dimmed">
                {scan.scanning
                  ? 'Looking for duplicates…'
                  : scan.scanned_at
                    ? `Checked ${formatRelative(scan.scanned_at)}${scan.outdated ? ' · contacts changed since' : ''}`
                    : 'Not checked yet'}
              </Text>
              {editable && (
                <Button
                  variant="default"
                  leftSection={<IconRefresh size={16} />}
                  loading={scan.scanning || startScan.isPending}
                  onClick={scanNow}
                >
                  Check again
                </Button>
              )}
            </Group>
          )
        }
      />
      {content()}
      <MergeModal
        pair={merging}
        members={memberById}
        onClose={() => setMerging(null)}
        onMerged={(survivor) => {
          setMerging(null);
          void navigate(`/w/${slug}/contacts/${survivor.id}`);
        }}
      />
    </PageContainer>
  );
}
