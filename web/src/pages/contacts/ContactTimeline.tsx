import { useState, type KeyboardEvent } from 'react';
import { Box, Button, Group, Kbd, Paper, Skeleton, Stack, Text, Textarea, ThemeIcon, Timeline, Tooltip } from '@mantine/core';
import { IconActivity, IconArrowMerge, IconNote, IconPencil, IconPlaylistAdd, IconPlaylistX, IconShieldCheck, IconShieldX, IconUserPlus } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { contactQueries, useAddNote, type TimelineEntry } from '../../api/contacts';
import type { CustomField } from '../../api/custom-fields';
import type { Member } from '../../api/types';
import { useWorkspace } from '../../auth/workspace-context';
import { QueryError } from '../../components/QueryError';
import { formatDateTime, formatRelative } from '../../format';
import { notifyError } from '../../notify';
import { describeEntry, type SentenceContext } from './timeline-sentences';
import classes from './ContactTimeline.module.css';

const KIND_ICONS: Record<string, typeof IconActivity> = {
  'contact.created': IconUserPlus,
  'contact.updated': IconPencil,
  'contact.merged': IconArrowMerge,
  'note.added': IconNote,
  'list.added': IconPlaylistAdd,
  'list.removed': IconPlaylistX,
  'consent.granted': IconShieldCheck,
  'consent.refused': IconShieldX,
};

function NoteComposer({ contactId }: { contactId: string }) {
  const { slug } = useWorkspace();
  const [text, setText] = useState('');
  const add = useAddNote(slug, contactId);
  const save = () => add.mutate(text.trim(), { onSuccess: () => setText(''), onError: (error) => notifyError(error, 'Could not add the note') });

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.metaKey || event.ctrlKey) && text.trim()) save();
  }

  return (
    <Paper withBorder p="md">
      <Textarea
        aria-label="Note"
        placeholder="Add a note: what you talked about, what they need, what happens next…"
        autosize
        minRows={2}
        maxRows={10}
        maxLength={20_000}
        variant="unstyled"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <Group justify="space-between" mt="xs">
        <Text fz="xs" c="dimmed">
          Visible to everyone in the workspace · <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> to add
        </Text>
        <Button size="xs" disabled={!text.trim()} loading={add.isPending} onClick={save}>
          Add note
        </Button>
      </Group>
    </Paper>
  );
}

function Entry({ entry, context }: { entry: TimelineEntry; context: SentenceContext }) {
  const sentence = describeEntry(entry, context);
  return (
    <Stack gap={4} data-testid="timeline-entry">
      <Group justify="space-between" align="baseline" gap="xs" wrap="nowrap">
        <Text fz="sm">
          <Text span fw={600} inherit>
            {sentence.actor}
          </Text>{' '}
          {sentence.action}
        </Text>
        <Tooltip label={formatDateTime(entry.occurred_at)}>
          <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {formatRelative(entry.occurred_at)}
          </Text>
        </Tooltip>
      </Group>
      {sentence.details.length > 0 && (
        <Stack gap={2} component="ul" className={classes.details}>
          {sentence.details.map((line, i) => (
            <Text key={i} component="li" fz="sm" c="dimmed">
              {line}
            </Text>
          ))}
        </Stack>
      )}
      {sentence.note !== undefined && (
        <Box className={classes.note}>
          <Text fz="sm" className={classes.noteText}>
            {sentence.note}
          </Text>
        </Box>
      )}
    </Stack>
  );
}

interface Props {
  contactId: string;
  members: ReadonlyMap<string, Member>;
  customFields: ReadonlyMap<string, CustomField>;
  canWrite: boolean;
}

/** The contact's whole story, newest first, with the note box on top. */
export function ContactTimeline({ contactId, members, customFields, canWrite }: Props) {
  const { slug, user } = useWorkspace();
  const timeline = useInfiniteQuery(contactQueries.timeline(slug, contactId));
  const context: SentenceContext = { members, customFields, userId: user.id };
  const entries = timeline.data?.pages.flatMap((p) => p.data);

  return (
    <Stack gap="md">
      {canWrite && <NoteComposer contactId={contactId} />}
      {timeline.isError ? (
        <QueryError error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : (
        <Paper withBorder p="lg">
          {entries ? (
            <Timeline bulletSize={28} lineWidth={2} color="gray" aria-label="Timeline">
              {entries.map((entry) => {
                const Icon = KIND_ICONS[entry.kind] ?? IconActivity;
                return (
                  <Timeline.Item
                    key={entry.id}
                    bullet={
                      <ThemeIcon size={28} radius="xl" variant="light" color={entry.kind === 'note.added' ? 'yellow' : 'brand'}>
                        <Icon size={15} />
                      </ThemeIcon>
                    }
                  >
                    <Entry entry={entry} context={context} />
                  </Timeline.Item>
                );
              })}
            </Timeline>
          ) : (
            <Stack>
              <Skeleton h={40} />
              <Skeleton h={40} />
            </Stack>
          )}
          {timeline.hasNextPage && (
            <Button
              variant="subtle"
              size="xs"
              mt="md"
              loading={timeline.isFetchingNextPage}
              onClick={() => void timeline.fetchNextPage()}
            >
              Show older activity
            </Button>
          )}
        </Paper>
      )}
    </Stack>
  );
}
