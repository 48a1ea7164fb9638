import { ActionIcon, Anchor, Group, Paper, Select, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listQueries, useChangeMembers } from '../../api/lists';
import { useWorkspace } from '../../auth/workspace-context';
import { formatDateTime } from '../../format';
import { notifyError } from '../../notify';

/** The static lists a contact is on, with a picker to put them on another. */
export function ContactListsCard({ contactId, editable }: { contactId: string; editable: boolean }) {
  const { slug } = useWorkspace();
  const memberships = useQuery(listQueries.ofContact(slug, contactId));
  const lists = useQuery({ ...listQueries.all(slug), enabled: editable });
  const change = useChangeMembers(slug);
  const put = (listId: string, on: boolean) =>
    change.mutate({ listId, contactIds: [contactId], on }, { onError: (error) => notifyError(error, 'Could not change the lists') });

  const joined = new Set((memberships.data ?? []).map((m) => m.id));
  const available = (lists.data ?? []).filter((l) => !joined.has(l.id)).map((l) => ({ value: l.id, label: l.name }));

  return (
    <Paper withBorder p="lg" component="section" aria-label="Lists">
      <Title order={3} fz="md" mb="sm">
        Lists
      </Title>
      {memberships.data ? (
        <Stack gap="xs">
          {memberships.data.length === 0 && (
            <Text fz="sm" c="dimmed">
              Not on any list.
            </Text>
          )}
          {memberships.data.map((m) => (
            <Group key={m.id} justify="space-between" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/w/${slug}/lists/${m.id}`} fz="sm" fw={500} truncate="end" display="block">
                  {m.name}
                </Anchor>
                <Text fz="xs" c="dimmed">
                  Added {formatDateTime(m.added_at)}
                </Text>
              </div>
              {editable && (
                <Tooltip label="Take off this list">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Take off ${m.name}`}
                    onClick={() => put(m.id, false)}
                  >
                    <IconX size={15} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
          ))}
          {editable && (lists.data?.length ?? 0) > 0 && (
            <Select
              aria-label="Add to a list"
              placeholder={available.length ? 'Add to a list…' : 'On every list already'}
              disabled={available.length === 0 || change.isPending}
              data={available}
              value={null}
              searchable
              onChange={(listId) => listId && put(listId, true)}
              mt={4}
            />
          )}
        </Stack>
      ) : (
        <Skeleton h={24} />
      )}
    </Paper>
  );
}
