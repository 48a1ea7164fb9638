import { useState } from 'react';
import { ActionIcon, Button, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { IconCircleFilled, IconCloudCheck, IconDots, IconPlayerStop, IconRocket } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { formQueries, useUnpublishForm } from '../../../api/forms';
import { useWorkspace } from '../../../auth/workspace-context';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { UnsavedGuard } from '../../../components/UnsavedGuard';
import { notifyError, notifySuccess } from '../../../notify';
import type { DraftEditor } from './use-draft-editor';

function SaveState({ editor }: { editor: DraftEditor }) {
  if (editor.dirty) {
    return (
      <Group gap={6} c="orange.8" role="status">
        <IconCircleFilled size={8} />
        <Text fz="sm" fw={500}>
          Unsaved changes
        </Text>
      </Group>
    );
  }
  return (
    <Group gap={6} c="dimmed" role="status">
      <IconCloudCheck size={16} />
      <Text fz="sm">Draft saved</Text>
    </Group>
  );
}

/** Someone saved the draft since it was loaded here: reload theirs, or keep editing (and copy what matters first). */
function ConflictModal({ editor }: { editor: DraftEditor }) {
  const { slug } = useWorkspace();
  const client = useQueryClient();
  const [loading, setLoading] = useState(false);
  const reload = async () => {
    setLoading(true);
    try {
      editor.adopt(await client.fetchQuery({ ...formQueries.one(slug, editor.form!.id), staleTime: 0 }));
    } catch (error) {
      notifyError(error, 'Could not reload the form');
    } finally {
      setLoading(false);
    }
  };
  return (
    <Modal opened={editor.conflict} onClose={editor.dismissConflict} title={<Text fw={650}>Someone else saved this form</Text>}>
      <Stack>
        <Text fz="sm">
          The draft was saved elsewhere (another tab or a colleague) since you opened it, so your changes were not saved over theirs. Reload to see their version; what you changed here will be lost.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={editor.dismissConflict}>
            Keep editing
          </Button>
          <Button color="red" onClick={() => void reload()} loading={loading}>
            Reload their version
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The header's actions on a form: save state, Save draft, Publish (saving first), and Unpublish. */
export function BuilderActions({ editor }: { editor: DraftEditor }) {
  const { slug } = useWorkspace();
  const form = editor.form!;
  const unpublish = useUnpublishForm(slug, form.id);
  const [confirming, setConfirming] = useState(false);
  const live = form.live_version !== null;
  const takeOff = () =>
    unpublish.mutate(undefined, {
      onSuccess: () => {
        setConfirming(false);
        notifySuccess('The form is off your sites');
      },
      onError: (error) => notifyError(error, 'Could not unpublish the form'),
    });
  return (
    <Group gap="sm">
      <SaveState editor={editor} />
      <Button variant="default" onClick={editor.save} disabled={!editor.dirty} loading={editor.saving}>
        Save draft
      </Button>
      <Button leftSection={<IconRocket size={16} />} onClick={editor.publish} loading={editor.publishing} disabled={editor.saving}>
        {live ? 'Publish changes' : 'Publish'}
      </Button>
      {live && (
        <Menu position="bottom-end" shadow="md">
          <Menu.Target>
            <ActionIcon variant="default" size="lg" aria-label="More actions">
              <IconDots size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item color="red" leftSection={<IconPlayerStop size={16} />} onClick={() => setConfirming(true)}>
              Unpublish
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
      <ConfirmDialog opened={confirming} title="Unpublish this form?" confirmLabel="Unpublish" loading={unpublish.isPending} onConfirm={takeOff} onClose={() => setConfirming(false)}>
        Sites that embed it stop showing it, and its hosted page and submit address answer “not found”, until you publish it again. The draft, its versions and the submissions stay.
      </ConfirmDialog>
      <ConflictModal editor={editor} />
      <UnsavedGuard dirty={editor.dirty} what="This form" />
    </Group>
  );
}
