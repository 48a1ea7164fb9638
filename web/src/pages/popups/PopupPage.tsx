import { Alert, Button, Grid, Group, Paper, SegmentedControl, Select, Skeleton, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { formQueries } from '../../api/forms';
import { popupQueries, useSavePopup, useSetPopupStatus, type Popup, type PopupSettings } from '../../api/popups';
import { useCan } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { BackLink } from '../../components/BackLink';
import { PageContainer } from '../../components/PageContainer';
import { QueryError } from '../../components/QueryError';
import { UnsavedGuard } from '../../components/UnsavedGuard';
import { notifyError, notifySuccess } from '../../notify';
import { useLeaveWarning } from '../../use-leave-warning';
import { PopupFigures } from './PopupFigures';
import { PopupPreview, PREVIEW_SIZES } from './PopupPreview';
import { PopupSettingsForm } from './PopupSettingsForm';
import { PopupStatusBadge } from './PopupStatusBadge';

interface Draft {
  name: string;
  form_id: string | null;
  settings: PopupSettings;
}

const draftOf = (popup: Popup): Draft => ({ name: popup.name, form_id: popup.form_id, settings: popup.settings });

function Editor({ popup }: { popup: Popup }) {
  const { slug } = useWorkspace();
  const manage = useCan('marketing.write');
  const [draft, setDraft] = useState<Draft>(() => draftOf(popup));
  const [size, setSize] = useState<keyof typeof PREVIEW_SIZES>('desktop');
  const save = useSavePopup(slug, popup.id);
  const setStatus = useSetPopupStatus(slug);
  const forms = useQuery(formQueries.all(slug));
  const chosen = forms.data?.find((f) => f.id === draft.form_id);
  const live = useQuery({ ...formQueries.live(slug, draft.form_id ?? '', chosen?.live_version ?? null), enabled: !!chosen });
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(popup));
  const options = (forms.data ?? []).filter((f) => f.status === 'live' || f.id === draft.form_id).map((f) => ({ value: f.id, label: f.status === 'live' ? f.name : `${f.name} (not published)` }));

  useLeaveWarning(dirty);

  async function onSave() {
    try {
      const saved = await save.mutateAsync({ ...draft, name: draft.name.trim() || popup.name, revision: popup.revision });
      setDraft(draftOf(saved));
      notifySuccess(saved.status === 'active' ? 'Saved: visitors see the change on their next page view' : 'Saved');
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) notifyError(error, 'Someone else saved this pop-up meanwhile: reload the page to see their changes');
      else notifyError(error, 'The pop-up could not be saved');
    }
  }

  async function onStatus(status: 'active' | 'paused') {
    try {
      await setStatus.mutateAsync({ id: popup.id, status });
      notifySuccess(status === 'active' ? 'Active: the pop-up shows on pages with the install line' : 'Paused: the pop-up no longer shows');
    } catch (error) {
      notifyError(error, status === 'active' ? 'The pop-up could not be activated' : 'The pop-up could not be paused');
    }
  }

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2} fz={24}>
              {popup.name}
            </Title>
            <PopupStatusBadge popup={popup} />
          </Group>
          <Text fz="sm" c="dimmed">
            {popup.status === 'active' ? 'Showing on your site where its targeting says.' : popup.status === 'paused' ? 'Paused: not shown on your site.' : 'A draft: activate it to show it on your site.'}
          </Text>
        </Stack>
        {manage && (
          <Group gap="sm">
            {popup.status === 'active' ? (
              <Button variant="default" leftSection={<IconPlayerPause size={16} />} loading={setStatus.isPending} onClick={() => void onStatus('paused')}>
                Pause
              </Button>
            ) : (
              <Button variant="light" color="teal" leftSection={<IconPlayerPlay size={16} />} disabled={dirty} title={dirty ? 'Save your changes first' : undefined} loading={setStatus.isPending} onClick={() => void onStatus('active')}>
                Activate
              </Button>
            )}
            <Button disabled={!dirty} loading={save.isPending} onClick={() => void onSave()}>
              Save
            </Button>
          </Group>
        )}
      </Group>
      {popup.notices.map((n) => (
        <Alert key={n.field} color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title="Not shown">
          The form {n.message}.
        </Alert>
      ))}
      <Tabs defaultValue="settings" keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="settings">Settings</Tabs.Tab>
          <Tabs.Tab value="figures">Figures</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="settings">
          <Grid gap="xl">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Paper withBorder p="lg">
                <Stack gap="lg">
                  <TextInput label="Name" description="For you: visitors never see it." readOnly={!manage} maxLength={200} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} />
                  <Select
                    label="Form"
                    description="What the pop-up asks. Changes to the form show here once it is published."
                    readOnly={!manage}
                    searchable
                    placeholder={options.length ? 'Choose a form' : 'No published form yet'}
                    data={options}
                    value={draft.form_id}
                    onChange={(form_id) => setDraft({ ...draft, form_id })}
                  />
                  <PopupSettingsForm settings={draft.settings} readOnly={!manage} onChange={(settings) => setDraft({ ...draft, settings })} />
                </Stack>
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack gap="sm" pos="sticky" top={16}>
                <Group justify="space-between">
                  <Title order={4} fz="sm">
                    Preview
                  </Title>
                  <SegmentedControl size="xs" aria-label="Preview width" value={size} onChange={(v) => setSize(v as keyof typeof PREVIEW_SIZES)} data={[{ value: 'desktop', label: 'Desktop' }, { value: 'mobile', label: 'Phone' }]} />
                </Group>
                <PopupPreview settings={draft.settings} form={live.data ?? null} size={size} />
              </Stack>
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="figures">
          <PopupFigures id={popup.id} />
        </Tabs.Panel>
      </Tabs>
      <UnsavedGuard dirty={dirty} what="This pop-up" />
    </Stack>
  );
}

/** One pop-up: its settings beside a live preview, and its figures. */
export function PopupPage() {
  const { slug } = useWorkspace();
  const { id = '' } = useParams();
  const popup = useQuery(popupQueries.one(slug, id));
  return (
    <PageContainer>
      <Stack gap="md">
        <BackLink to={`/w/${slug}/capture/popups`}>Pop-ups</BackLink>
        {popup.isError ? <QueryError error={popup.error} onRetry={() => void popup.refetch()} /> : popup.data ? <Editor key={popup.data.id} popup={popup.data} /> : <Skeleton h={400} />}
      </Stack>
    </PageContainer>
  );
}
