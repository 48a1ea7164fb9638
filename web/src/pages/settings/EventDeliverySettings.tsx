import { Anchor, Badge, Button, Code, Group, Paper, Skeleton, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { deadLettersQuery, subscribersQuery, useDeadLetterAction, type DeadLetter, type EventSubscriber } from '../../api/events';
import { useWorkspace } from '../../auth/workspace-context';
import { QueryError } from '../../components/QueryError';
import { SectionHeader } from '../../components/SectionHeader';
import { formatDateTime, formatRelative } from '../../format';
import { notifyError, notifySuccess } from '../../notify';

function StatusBadge({ subscriber }: { subscriber: EventSubscriber }) {
  if (subscriber.status === 'retrying') {
    const next = subscriber.next_attempt_at ? `; next try ${formatRelative(subscriber.next_attempt_at)}` : '';
    return (
      <Tooltip label={subscriber.last_error ?? 'An event of another workspace'} multiline w={320}>
        <Badge color="orange" variant="light">
          Retrying · attempt {subscriber.attempts}
          {next}
        </Badge>
      </Tooltip>
    );
  }
  if (subscriber.status === 'catching_up') {
    return (
      <Badge color="blue" variant="light">
        {subscriber.behind.toLocaleString()}
        {subscriber.behind_at_least ? '+' : ''} to go
      </Badge>
    );
  }
  return (
    <Badge color="teal" variant="light" leftSection={<IconCircleCheck size={12} />}>
      Up to date
    </Badge>
  );
}

function SubscribersTable({ subscribers }: { subscribers: EventSubscriber[] }) {
  return (
    <Paper withBorder style={{ overflow: 'hidden' }}>
      <Table verticalSpacing="sm" horizontalSpacing="lg">
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th>Subscriber</Table.Th>
            <Table.Th>Listens to</Table.Th>
            <Table.Th>Delivery</Table.Th>
            <Table.Th ta="right">Given up</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {subscribers.map((s) => (
            <Table.Tr key={s.name}>
              <Table.Td>
                <Text fz="sm" fw={500}>
                  {s.name}
                </Text>
                <Text fz="xs" c="dimmed">
                  {s.module} module · at event {s.position}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {s.kinds.map((kind) => (
                    <Code key={kind} fz="xs">
                      {kind}
                    </Code>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <StatusBadge subscriber={s} />
              </Table.Td>
              <Table.Td ta="right">
                <Text fz="sm" c={s.dead_letters > 0 ? 'red' : 'dimmed'}>
                  {s.dead_letters}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function DeadLettersTable({ letters }: { letters: DeadLetter[] }) {
  const { slug } = useWorkspace();
  const action = useDeadLetterAction(slug);
  const act = (letter: DeadLetter, kind: 'retry' | 'dismiss') =>
    action.mutate(
      { letter, action: kind },
      {
        onSuccess: () => notifySuccess(kind === 'retry' ? `${letter.subscriber} handled event ${letter.event_id}` : 'Dead letter dismissed'),
        onError: (error) => notifyError(error, kind === 'retry' ? 'The subscriber failed again' : 'Could not dismiss'),
      },
    );
  if (letters.length === 0) {
    return (
      <Paper withBorder p="lg">
        <Text fz="sm" c="dimmed">
          No event of this workspace was given up on. When a subscriber fails on an event eight times, the event shows here with its error, to retry or dismiss.
        </Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder style={{ overflow: 'hidden' }}>
      <Table verticalSpacing="sm" horizontalSpacing="lg">
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th>Event</Table.Th>
            <Table.Th>Subscriber</Table.Th>
            <Table.Th>Error</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {letters.map((letter) => (
            <Table.Tr key={`${letter.subscriber}:${letter.event_id}`}>
              <Table.Td>
                <Code fz="xs">{letter.kind}</Code>
                <Text fz="xs" c="dimmed">
                  #{letter.event_id}
                  {letter.contact_id && letter.kind !== 'contact.erased' && (
                    <>
                      {' · '}
                      <Anchor component={Link} to={`/w/${slug}/contacts/${letter.contact_id}`} fz="xs">
                        contact
                      </Anchor>
                    </>
                  )}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{letter.subscriber}</Text>
                <Text fz="xs" c="dimmed">
                  {letter.attempts} attempts · {formatDateTime(letter.failed_at)}
                </Text>
              </Table.Td>
              <Table.Td maw={380}>
                <Text fz="sm" c="red.8" lineClamp={3}>
                  {letter.error}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button size="xs" variant="light" loading={action.isPending && action.variables?.letter === letter && action.variables.action === 'retry'} onClick={() => act(letter, 'retry')}>
                    Retry
                  </Button>
                  <Button size="xs" variant="subtle" color="gray" onClick={() => act(letter, 'dismiss')}>
                    Dismiss
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** `/w/:slug/settings/events`: how the domain events reach the modules that listen to them. */
export function EventDeliverySettings() {
  const { slug } = useWorkspace();
  const subscribers = useQuery(subscribersQuery(slug));
  const letters = useQuery(deadLettersQuery(slug));
  return (
    <Stack gap="xl">
      <div>
        <SectionHeader
          title="Event delivery"
          description="When something happens to a contact (created, changed, added to a list…), Inflow tells the modules that react to it. Each listener works through the events in order; here is how far each one is."
        />
        {subscribers.isError ? (
          <QueryError error={subscribers.error} onRetry={() => void subscribers.refetch()} />
        ) : subscribers.data ? (
          <SubscribersTable subscribers={subscribers.data.data} />
        ) : (
          <Skeleton h={120} />
        )}
      </div>
      <div>
        <SectionHeader title="Given up" description="Events of this workspace a listener failed on too many times. Fix the cause, then retry; or dismiss to let it go." />
        {letters.isError ? (
          <QueryError error={letters.error} onRetry={() => void letters.refetch()} />
        ) : letters.data ? (
          <DeadLettersTable letters={letters.data.data} />
        ) : (
          <Skeleton h={80} />
        )}
      </div>
    </Stack>
  );
}
