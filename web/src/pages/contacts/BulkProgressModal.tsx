import { useEffect, useRef } from 'react';
import { Modal, Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getBulkAction, type BulkAction } from '../../api/contacts';
import { useWorkspace } from '../../auth/workspace-context';
import { notifyError, notifySuccess } from '../../notify';
import { stageLabel } from '../../contact-fields';
import { contactCount } from '../../format';


function describe(action: BulkAction, listName: string | null): { doing: string; done: string } {
  const tags = (action.tags ?? []).map((t) => `“${t}”`).join(', ');
  switch (action.action) {
    case 'add_tags':
      return { doing: `Adding ${tags}`, done: `Tagged ${contactCount(action.processed)} with ${tags}` };
    case 'remove_tags':
      return { doing: `Removing ${tags}`, done: `Removed ${tags} from ${contactCount(action.processed)}` };
    case 'add_to_list':
      return { doing: `Adding to “${listName ?? 'the list'}”`, done: `Added ${contactCount(action.processed)} to “${listName ?? 'the list'}”` };
    case 'set_stage':
      return { doing: `Moving to ${stageLabel(action.lifecycle_stage ?? '')}`, done: `Moved ${contactCount(action.processed)} to ${stageLabel(action.lifecycle_stage ?? '')}` };
    case 'set_owner':
      return action.owner_id
        ? { doing: 'Setting the owner', done: `Set the owner of ${contactCount(action.processed)}` }
        : { doing: 'Taking the owner off', done: `Took the owner off ${contactCount(action.processed)}` };
    case 'delete':
      return { doing: 'Moving to the trash', done: `Moved ${contactCount(action.processed)} to the trash` };
  }
}

/**
 * Follows a bulk action the server runs in the background, with its progress; says how it
 * ended and hands over. Closing it leaves the action running.
 */
export function BulkProgressModal({ started, listName, onFinished }: { started: BulkAction | null; listName: string | null; onFinished: () => void }) {
  const { slug } = useWorkspace();
  const action = useQuery({
    queryKey: [slug, 'bulk-actions', started?.id],
    queryFn: () => getBulkAction(slug, started!.id),
    enabled: started !== null,
    initialData: started ?? undefined,
    refetchInterval: (query) => (query.state.data && (query.state.data.status === 'done' || query.state.data.status === 'failed') ? false : 1000),
  });
  const current = action.data;
  const finished = current?.status === 'done' || current?.status === 'failed';

  // Said once per action, however often the finished action renders again.
  const reported = useRef<string | null>(null);
  useEffect(() => {
    if (!current || !finished || reported.current === current.id) return;
    reported.current = current.id;
    if (current.status === 'done') notifySuccess(describe(current, listName).done);
    else notifyError(new Error(current.error ?? 'The action stopped'), 'The bulk change stopped');
    onFinished();
  }, [current, finished, listName, onFinished]);

  if (!started || !current) return null;
  const percent = current.total ? Math.min(100, (current.processed / current.total) * 100) : 0;
  return (
    <Modal opened={!finished} onClose={onFinished} title={<Text fw={650}>{describe(current, listName).doing}</Text>}>
      <Stack>
        <Progress value={percent} size="lg" radius="xl" animated striped aria-label="Bulk change progress" />
        <Text fz="sm" c="dimmed">
          {current.processed.toLocaleString()} of {contactCount(current.total)} done. You can close this: the change goes on without it.
        </Text>
      </Stack>
    </Modal>
  );
}
