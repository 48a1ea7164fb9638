import { ActionIcon, Anchor, Button, Group, Menu, Paper, Stack, Table, Text } from '@mantine/core';
import { IconAppWindow, IconDots, IconPlayerPause, IconPlayerPlay, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { popupQueries, useDeletePopup, useSetPopupStatus, type PopupListItem } from '../../api/popups';
import { useCan } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageContainer } from '../../components/PageContainer';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { StatusMessage } from '../../components/StatusMessage';
import { notifyError, notifySuccess } from '../../notify';
import { InstallSnippet } from './InstallSnippet';
import { NewPopupModal } from './NewPopupModal';
import { formatRate } from '../../format';
import { layoutWords, triggerWords } from './popup-words';
import { PopupStatusBadge } from './PopupStatusBadge';
import { SkeletonRows } from '../../components/SkeletonRows';

function RowActions({ popup }: { popup: PopupListItem }) {
  const { slug } = useWorkspace();
  const setStatus = useSetPopupStatus(slug);
  const remove = useDeletePopup(slug);
  const [confirming, setConfirming] = useState(false);
  const active = popup.status === 'active';
  async function toggle() {
    try {
      await setStatus.mutateAsync({ id: popup.id, status: active ? 'paused' : 'active' });
      notifySuccess(active ? `“${popup.name}” is paused` : `“${popup.name}” is active on your site`);
    } catch (error) {
      notifyError(error, active ? 'The pop-up could not be paused' : 'The pop-up could not be activated');
    }
  }
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <Button size="xs" variant="light" color={active ? 'yellow' : 'teal'} leftSection={active ? <IconPlayerPause size={14} /> : <IconPlayerPlay size={14} />} loading={setStatus.isPending} onClick={() => void toggle()}>
        {active ? 'Pause' : 'Activate'}
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`More actions for ${popup.name}`}>
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => setConfirming(true)}>
            Delete
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ConfirmDialog
        opened={confirming}
        title={`Delete “${popup.name}”?`}
        confirmLabel="Delete pop-up"
        loading={remove.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={async () => {
          try {
            await remove.mutateAsync(popup.id);
            setConfirming(false);
          } catch (error) {
            notifyError(error, 'The pop-up could not be deleted');
          }
        }}
      >
        It stops showing at once, and its figures go with it. The form and its submissions stay.
      </ConfirmDialog>
    </Group>
  );
}

/** The workspace's pop-ups: what each shows, when, and how it converts; the line that installs them all. */
export function PopupsPage() {
  const { slug } = useWorkspace();
  const manage = useCan('marketing.write');
  const popups = useQuery(popupQueries.all(slug));
  const [creating, setCreating] = useState(false);

  function content() {
    if (popups.isError) return <QueryError error={popups.error} onRetry={() => void popups.refetch()} />;
    if (popups.data?.length === 0) {
      return (
        <Paper withBorder>
          <StatusMessage
            icon={<IconAppWindow size={26} stroke={1.7} />}
            title="No pop-ups yet"
            description="A pop-up shows one of your forms on your own site: as a modal when a visitor is about to leave, a slide-in after they scroll, or a bar across the top. You choose the pages, devices and campaigns, and how long to wait before showing it again."
            actions={manage ? <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>New pop-up</Button> : undefined}
          />
        </Paper>
      );
    }
    return (
      <Paper withBorder style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={860} type="native">
          <Table verticalSpacing="sm" horizontalSpacing="lg" highlightOnHover>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>Pop-up</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th miw={170}>Shows</Table.Th>
                <Table.Th ta="right">Impressions</Table.Th>
                <Table.Th ta="right">Submissions</Table.Th>
                <Table.Th ta="right">Conversion</Table.Th>
                {manage && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {popups.data
                ? popups.data.map((p) => (
                    <Table.Tr key={p.id} data-testid="popup-row">
                      <Table.Td>
                        <Anchor component={Link} to={`/w/${slug}/capture/popups/${p.id}`} fz="sm" fw={600}>
                          {p.name}
                        </Anchor>
                        <Text fz="xs" c="dimmed" truncate maw={280}>
                          {p.form_name ? `Form: ${p.form_name}` : 'No form chosen'}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <PopupStatusBadge popup={p} />
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm">{layoutWords(p.settings.layout)}</Text>
                        <Text fz="xs" c="dimmed">
                          {triggerWords(p.settings.trigger)}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">{p.last_30_days.impressions.toLocaleString()}</Table.Td>
                      <Table.Td ta="right">{p.last_30_days.submissions.toLocaleString()}</Table.Td>
                      <Table.Td ta="right">
                        <Text fz="sm" fw={600}>
                          {formatRate(p.last_30_days.conversion_rate)}
                        </Text>
                      </Table.Td>
                      {manage && (
                        <Table.Td>
                          <RowActions popup={p} />
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))
                : <SkeletonRows columns={manage ? 7 : 6} height={20} />}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    );
  }

  return (
    <PageContainer>
      <PageHeader
        title="Pop-ups"
        description="Your forms over your own site, at the right moment: figures are the last 30 days; conversion is submissions over impressions."
        actions={manage && popups.data?.length ? <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>New pop-up</Button> : undefined}
      />
      <Stack gap="lg">
        {content()}
        <InstallSnippet />
      </Stack>
      <NewPopupModal opened={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
