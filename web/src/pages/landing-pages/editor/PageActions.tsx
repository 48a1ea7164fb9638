import { useEffect, useState } from 'react';
import { ActionIcon, Button, Group, Menu, Modal, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconArrowForwardUp, IconCalendarTime, IconCircleFilled, IconCloudCheck, IconDots, IconEye, IconPlayerStop, IconRocket } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { pageQueries, usePreviewLink, useSchedulePage, useUnpublishPage } from '../../../api/pages';
import { useWorkspace } from '../../../auth/workspace-context';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { UnsavedGuard } from '../../../components/UnsavedGuard';
import { notifyError, notifySuccess } from '../../../notify';
import type { PageEditor } from './use-page-editor';

/** Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z (or Ctrl+Y) redoes; inside a text box the browser's own undo of that box comes first. */
function useUndoKeys(editor: PageEditor) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      const redo = (key === 'z' && event.shiftKey) || key === 'y';
      if (key !== 'z' && !redo) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA'].includes(target.tagName)) && (target as HTMLInputElement).type !== 'checkbox') return;
      event.preventDefault();
      if (redo) editor.redo();
      else editor.undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor]);
}

function SaveState({ dirty }: { dirty: boolean }) {
  return dirty ? (
    <Group gap={6} c="orange.8" role="status"><IconCircleFilled size={8} /><Text fz="sm" fw={500}>Unsaved changes</Text></Group>
  ) : (
    <Group gap={6} c="dimmed" role="status"><IconCloudCheck size={16} /><Text fz="sm">Draft saved</Text></Group>
  );
}

/** Someone saved the draft since it was loaded here: reload theirs, or keep editing (and copy what matters first). */
function ConflictModal({ editor }: { editor: PageEditor }) {
  const { slug } = useWorkspace();
  const client = useQueryClient();
  const [loading, setLoading] = useState(false);
  const reload = async () => {
    setLoading(true);
    try {
      editor.adopt(await client.fetchQuery({ ...pageQueries.one(slug, editor.page!.id), staleTime: 0 }));
    } catch (error) {
      notifyError(error, 'Could not reload the page');
    } finally {
      setLoading(false);
    }
  };
  return (
    <Modal opened={editor.conflict} onClose={editor.dismissConflict} title={<Text fw={650}>Someone else saved this page</Text>}>
      <Stack>
        <Text fz="sm">The draft was saved elsewhere (another tab or a colleague) since you opened it, so your changes were not saved over theirs. Reload to see their version; what you changed here will be lost.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={editor.dismissConflict}>Keep editing</Button>
          <Button color="red" onClick={() => void reload()} loading={loading}>Reload their version</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Publish the saved draft by itself at a time; the page's current schedule can be cancelled. */
function ScheduleModal({ editor, opened, onClose }: { editor: PageEditor; opened: boolean; onClose: () => void }) {
  const { slug } = useWorkspace();
  const page = editor.page!;
  const schedule = useSchedulePage(slug, page.id);
  const [at, setAt] = useState('');
  const submit = async (publishAt: string | null) => {
    if (publishAt && editor.dirty && !(await editor.saveNow())) return;
    schedule.mutate(publishAt, {
      onSuccess: () => {
        notifySuccess(publishAt ? `The draft publishes by itself on ${new Date(publishAt).toLocaleString()}` : 'The scheduled publish is cancelled');
        onClose();
      },
      onError: (error) => notifyError(error, 'Could not schedule the page'),
    });
  };
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>Schedule publishing</Text>}>
      <Stack>
        <Text fz="sm">The draft as saved is published by itself at this time. Changes saved before then are included.</Text>
        {page.publish_at && <Text fz="sm" fw={500}>Now scheduled for {new Date(page.publish_at).toLocaleString()}.</Text>}
        <TextInput type="datetime-local" label="Publish on" value={at} onChange={(e) => setAt(e.currentTarget.value)} />
        <Group justify="flex-end">
          {page.publish_at && <Button variant="default" color="red" loading={schedule.isPending} onClick={() => void submit(null)}>Cancel the schedule</Button>}
          <Button disabled={!at} loading={schedule.isPending} onClick={() => void submit(new Date(at).toISOString())}>Schedule</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The editor's header: undo and redo, save state, Save draft, Publish (saving first), and the rest in a menu. */
export function PageActions({ editor }: { editor: PageEditor }) {
  const { slug } = useWorkspace();
  const page = editor.page!;
  const unpublish = useUnpublishPage(slug, page.id);
  const preview = usePreviewLink(slug);
  const [confirming, setConfirming] = useState(false);
  const [scheduling, setScheduling] = useState(false);
  useUndoKeys(editor);
  const live = page.status === 'live';
  const openPreview = async () => {
    // Opened before the request so the browser does not take it for a pop-up.
    const tab = window.open('about:blank', '_blank');
    try {
      if (editor.dirty && !(await editor.saveNow())) return tab?.close();
      const link = await preview.mutateAsync(page.id);
      if (tab) tab.location.href = link.path;
    } catch (error) {
      tab?.close();
      notifyError(error, 'The preview could not be opened');
    }
  };
  const takeOff = () =>
    unpublish.mutate(undefined, {
      onSuccess: () => {
        setConfirming(false);
        notifySuccess('The page is offline');
      },
      onError: (error) => notifyError(error, 'Could not unpublish the page'),
    });
  return (
    <Group gap="sm">
      <Group gap={2}>
        <Tooltip label="Undo (Ctrl+Z)"><ActionIcon variant="default" size="lg" aria-label="Undo" disabled={!editor.canUndo} onClick={editor.undo}><IconArrowBackUp size={18} /></ActionIcon></Tooltip>
        <Tooltip label="Redo (Shift+Ctrl+Z)"><ActionIcon variant="default" size="lg" aria-label="Redo" disabled={!editor.canRedo} onClick={editor.redo}><IconArrowForwardUp size={18} /></ActionIcon></Tooltip>
      </Group>
      <SaveState dirty={editor.dirty} />
      <Button variant="default" onClick={editor.save} disabled={!editor.dirty} loading={editor.saving}>Save draft</Button>
      <Button leftSection={<IconRocket size={16} />} onClick={editor.publish} loading={editor.publishing} disabled={editor.saving}>{live ? 'Publish changes' : 'Publish'}</Button>
      <Menu position="bottom-end" shadow="md">
        <Menu.Target>
          <ActionIcon variant="default" size="lg" aria-label="More actions"><IconDots size={18} /></ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconEye size={16} />} onClick={() => void openPreview()}>Preview link</Menu.Item>
          <Menu.Item leftSection={<IconCalendarTime size={16} />} onClick={() => setScheduling(true)}>Schedule publishing…</Menu.Item>
          {live && <Menu.Item color="red" leftSection={<IconPlayerStop size={16} />} onClick={() => setConfirming(true)}>Unpublish</Menu.Item>}
        </Menu.Dropdown>
      </Menu>
      <ConfirmDialog opened={confirming} title="Unpublish this page?" confirmLabel="Unpublish" loading={unpublish.isPending} onConfirm={takeOff} onClose={() => setConfirming(false)}>
        Its address answers “not found” until you publish it again. The draft and its versions stay.
      </ConfirmDialog>
      <ScheduleModal editor={editor} opened={scheduling} onClose={() => setScheduling(false)} />
      <ConflictModal editor={editor} />
      <UnsavedGuard dirty={editor.dirty} what="This page" />
    </Group>
  );
}
