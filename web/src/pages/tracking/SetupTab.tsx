import { Alert, Button, Code, Group, NumberInput, Paper, PasswordInput, Skeleton, Stack, Switch, Table, TagsInput, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconHourglass } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { trackingQueries, useRotateIdentifyKey, useSaveTrackingSettings, type TrackingSettings, type TrackingStatus } from '../../api/tracking';
import { useCan } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { QueryError } from '../../components/QueryError';
import { SnippetCard } from '../../components/SnippetCard';
import { formErrors } from '../../form-errors';
import { formatDateTime, formatRelative } from '../../format';
import { notifyError, notifySuccess } from '../../notify';

const DROP_WORDS: Record<TrackingStatus['dropped_last_7_days'][number]['reason'], string> = {
  bot: 'Bots and headless browsers',
  do_not_track: 'Browsers asking not to be tracked',
  no_consent: 'Visitors who had not consented',
  foreign_session: 'Batches naming another visitor’s visit',
  identify_refused: 'Identify calls whose proof did not match',
};

/** "Verify installation": counts what arrives after the click, every 3 seconds for two minutes. */
function VerifyInstallation() {
  const { slug } = useWorkspace();
  const [since, setSince] = useState<string | null>(null);
  const status = useQuery({ ...trackingQueries.status(slug, since ?? undefined), enabled: since !== null, refetchInterval: (q) => (q.state.data && q.state.data.events_since > 0 ? false : 3_000) });
  const waited = since ? Date.now() - Date.parse(since) : 0;
  useEffect(() => {
    if (!since) return;
    const stop = setTimeout(() => setSince((s) => (s === since ? null : s)), 120_000);
    return () => clearTimeout(stop);
  }, [since]);
  const arrived = status.data && status.data.events_since > 0;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={4} fz="sm">
          Verify the installation
        </Title>
        <Text fz="xs" c="dimmed">
          Click the button, then open or reload any page of your site in another tab. Inflow says so here as soon as its first event arrives.
        </Text>
        <Group>
          <Button variant="light" onClick={() => setSince(new Date().toISOString())} loading={since !== null && !arrived && waited < 120_000} loaderProps={{ type: 'dots' }}>
            {since && !arrived ? 'Waiting for a page view…' : arrived ? 'Verify again' : 'Verify installation'}
          </Button>
          {since && !arrived && (
            <Button variant="subtle" onClick={() => setSince(null)}>
              Stop
            </Button>
          )}
        </Group>
        {arrived && status.data && (
          <Alert color="teal" icon={<IconCircleCheck size={18} />} title="Tracking works">
            {status.data.events_since.toLocaleString()} {status.data.events_since === 1 ? 'event' : 'events'} arrived, the latest from {status.data.last_event_url ?? 'a page'}.
          </Alert>
        )}
        {!since && status.data && !arrived && (
          <Alert color="yellow" icon={<IconHourglass size={18} />} title="Nothing arrived in two minutes">
            Check that the snippet is on the page (view its source), that the page was opened after the click, and that no content blocker stops scripts from {window.location.host}.
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function Received({ status }: { status: TrackingStatus }) {
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={4} fz="sm">
          What arrives
        </Title>
        <Text fz="sm">
          {status.last_event_at ? (
            <>
              Last event {formatRelative(String(status.last_event_at))} ({formatDateTime(String(status.last_event_at))}); {status.events_last_24h.toLocaleString()} events from {status.visitors_last_24h.toLocaleString()} visitors in the last 24 hours.
            </>
          ) : (
            'No event has arrived yet.'
          )}
        </Text>
        {status.dropped_last_7_days.length > 0 && (
          <Table verticalSpacing={4} aria-label="Not stored, last 7 days">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Not stored in the last 7 days</Table.Th>
                <Table.Th ta="right">Batches</Table.Th>
                <Table.Th ta="right">Events</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {status.dropped_last_7_days.map((d) => (
                <Table.Tr key={d.reason}>
                  <Table.Td>{DROP_WORDS[d.reason]}</Table.Td>
                  <Table.Td ta="right">{d.batches.toLocaleString()}</Table.Td>
                  <Table.Td ta="right">{d.events.toLocaleString()}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

const FIELDS = { retention_months: 'Retention', site_hosts: 'Your site’s hosts' };

function SettingsForm({ settings }: { settings: TrackingSettings }) {
  const { slug } = useWorkspace();
  const canManage = useCan('workspace.manage');
  const save = useSaveTrackingSettings(slug);
  const [retention, setRetention] = useState<number | string>(settings.retention_months);
  const [hosts, setHosts] = useState<string[]>(settings.site_hosts);
  const errors = formErrors(save.error, FIELDS);
  const change = (patch: Parameters<typeof save.mutate>[0], message: string) =>
    save.mutate(patch, { onSuccess: () => notifySuccess(message), onError: (error) => (Object.keys(formErrors(error, FIELDS)).length ? undefined : notifyError(error, 'The settings were not saved')) });
  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Title order={4} fz="sm">
          Privacy and data
        </Title>
        <Switch
          label="Ask for consent first"
          description="Nothing is stored, in the browser or here, until your cookie banner calls inflow('consent', true). The snippet above changes: paste it again."
          checked={settings.require_consent}
          disabled={!canManage || save.isPending}
          onChange={(e) => change({ require_consent: e.currentTarget.checked }, e.currentTarget.checked ? 'Consent is now asked for' : 'Consent is no longer asked for')}
        />
        <Switch
          label="Honour Do-Not-Track and Global Privacy Control"
          description="Browsers that send either signal are not tracked at all."
          checked={settings.respect_dnt}
          disabled={!canManage || save.isPending}
          onChange={(e) => change({ respect_dnt: e.currentTarget.checked }, e.currentTarget.checked ? 'Do-Not-Track is honoured' : 'Do-Not-Track is no longer honoured')}
        />
        <form
          onSubmit={(e) => {
            e.preventDefault();
            change({ retention_months: Number(retention), site_hosts: hosts.map((h) => h.trim().toLowerCase()) }, 'Saved');
          }}
        >
          <Stack gap="sm">
            <NumberInput label="Keep events for (months)" description="Older events, visits and anonymous visitors are deleted every night. Where each lead came from is kept." min={1} max={120} w={260} value={retention} onChange={setRetention} disabled={!canManage} error={errors.retention_months} />
            <TagsInput
              label="Your site’s hosts"
              description="A visit that comes from one of these (say, from your blog to your shop) is not a referral. Press Enter after each."
              placeholder="www.example.com"
              value={hosts}
              onChange={setHosts}
              disabled={!canManage}
              error={errors.site_hosts}
              maw={560}
            />
            {canManage && (
              <Group>
                <Button type="submit" loading={save.isPending}>
                  Save
                </Button>
              </Group>
            )}
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}

function IdentifyKey() {
  const { slug } = useWorkspace();
  const key = useQuery(trackingQueries.identifyKey(slug));
  const rotate = useRotateIdentifyKey(slug);
  const [confirming, setConfirming] = useState(false);
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={4} fz="sm">
          Identify signed-in visitors
        </Title>
        <Text fz="xs" c="dimmed">
          When someone signs in on your site, your server can tell Inflow who they are: it signs their email with this key, and the page calls <Code>inflow('identify', {'{'} email, token {'}'})</Code>. Without the right signature the call is ignored, so nobody can claim another person’s history. Keep the key on your server.
        </Text>
        {key.data ? <PasswordInput readOnly value={key.data} aria-label="Identify key" maw={560} /> : key.error ? <QueryError error={key.error} onRetry={() => void key.refetch()} /> : <Skeleton h={36} maw={560} />}
        <Code block>{`token = HMAC-SHA256(key, lower(trim(email))) as hex\n// Node: crypto.createHmac('sha256', KEY).update(email.trim().toLowerCase()).digest('hex')`}</Code>
        <Group>
          <Button variant="default" size="xs" onClick={() => setConfirming(true)}>
            Replace the key
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title="Replace the identify key?"
        confirmLabel="Replace"
        loading={rotate.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          rotate.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false);
              notifySuccess('A new key was made; update your server');
            },
            onError: (error) => notifyError(error, 'The key was not replaced'),
          })
        }
      >
        Identify calls signed with the current key are ignored from now on, until your server signs with the new one.
      </ConfirmDialog>
    </Paper>
  );
}

/** Set-up: the snippet, a check that events arrive, what was not stored and why, privacy settings, the identify key. */
export function SetupTab() {
  const { slug } = useWorkspace();
  const canManage = useCan('workspace.manage');
  const settings = useQuery(trackingQueries.settings(slug));
  const status = useQuery({ ...trackingQueries.status(slug), refetchInterval: 30_000 });
  if (settings.error) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <Stack gap="lg" maw={900}>
      <SnippetCard
        title="Install the tracking script"
        description="Paste this before </head> on every page of your site (or in your tag manager). It is under 3 KB, loads without slowing the page, and sets no third-party cookies. Single-page apps are tracked on every route change."
        snippet={settings.data?.snippet}
        label="Tracking snippet"
      />
      <VerifyInstallation />
      {status.data ? <Received status={status.data} /> : <Skeleton h={80} />}
      {settings.data ? <SettingsForm key={`${settings.data.retention_months}|${settings.data.site_hosts.join(',')}`} settings={settings.data} /> : <Skeleton h={200} />}
      {canManage && <IdentifyKey />}
    </Stack>
  );
}
