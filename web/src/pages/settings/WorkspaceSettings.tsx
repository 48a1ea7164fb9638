import { useEffect } from 'react';
import { ActionIcon, Button, Code, CopyButton, DataList, Group, Paper, Skeleton, Stack, Switch, Text, TextInput, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useRenameWorkspace, useUpdateWorkspaceSettings, workspaceQuery, workspaceSettingsQuery } from '../../api/workspaces';
import { useCan } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { QueryError } from '../../components/QueryError';
import { SectionHeader } from '../../components/SectionHeader';
import { formatDateTime } from '../../format';
import { showInForm } from '../../form-errors';
import { notifyError, notifySuccess } from '../../notify';

const FIELDS = { name: 'Name' };

function CopyValue({ value, label }: { value: string; label: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Code fz="sm">{value}</Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : `Copy ${label}`}>
            <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={`Copy ${label}`}>
              {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

export function WorkspaceSettings() {
  const { slug } = useWorkspace();
  const workspace = useQuery(workspaceQuery(slug));
  const form = useForm({ initialValues: { name: '' } });
  const editable = useCan('workspace.manage');

  // The box shows the name as saved: once loaded, and again after each rename.
  const { setValues } = form;
  useEffect(() => {
    if (workspace.data) setValues({ name: workspace.data.name });
  }, [workspace.data, setValues]);

  const rename = useRenameWorkspace(slug);
  const settings = useQuery(workspaceSettingsQuery(slug));
  const privacy = useUpdateWorkspaceSettings(slug);

  const submit = form.onSubmit(({ name }) =>
    rename.mutate(name.trim(), {
      onSuccess: () => notifySuccess('Workspace name saved'),
      onError: (error) => {
        if (!showInForm(form, error, FIELDS)) notifyError(error, 'Could not save the name');
      },
    }),
  );

  if (workspace.isError) return <QueryError error={workspace.error} onRetry={() => void workspace.refetch()} />;
  const data = workspace.data;
  const name = form.values.name.trim();

  return (
    <Stack gap="xl">
      <div>
        <SectionHeader title="General" description="The name your team sees in the workspace switcher." />
        <Paper withBorder p="lg">
          <form onSubmit={submit}>
            <Group align="flex-end" wrap="nowrap">
              <TextInput
                label="Workspace name"
                style={{ flex: 1, maxWidth: 420 }}
                required={editable}
                readOnly={!editable}
                variant={editable ? 'default' : 'filled'}
                disabled={!data}
                description={editable ? undefined : 'Only owners and admins can rename the workspace.'}
                {...form.getInputProps('name')}
              />
              {editable && (
                <Button type="submit" loading={rename.isPending} disabled={!data || !name || name === data.name}>
                  Save
                </Button>
              )}
            </Group>
          </form>
        </Paper>
      </div>
      <div>
        <SectionHeader title="Privacy" description="What Inflow keeps about the people who fill in your forms." />
        <Paper withBorder p="lg">
          <Switch
            label="Keep only the network part of visitors’ IP addresses"
            description={
              editable
                ? 'Form submissions and spam then store 203.0.113.0 instead of 203.0.113.42 (for IPv6, the first 48 bits). Applies to posts from now on, within a minute.'
                : 'Only owners and admins can change this.'
            }
            checked={settings.data?.truncate_ips ?? false}
            disabled={!settings.data || !editable || privacy.isPending}
            onChange={(event) => {
              const on = event.currentTarget.checked;
              privacy.mutate(
                { truncate_ips: on },
                {
                  onSuccess: () => notifySuccess(on ? 'Only the network part of IP addresses will be kept' : 'Full IP addresses will be kept'),
                  onError: (error) => notifyError(error, 'Could not save the setting'),
                },
              );
            }}
          />
        </Paper>
      </div>
      <div>
        <SectionHeader title="Details" description="Use these when configuring integrations or calling the API." />
        <Paper withBorder p="lg">
          {data ? (
            <DataList labelWidth={160} withDivider>
              <DataList.Item>
                <DataList.ItemLabel>Slug</DataList.ItemLabel>
                <DataList.ItemValue>
                  <CopyValue value={data.slug} label="slug" />
                </DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>Workspace ID</DataList.ItemLabel>
                <DataList.ItemValue>
                  <CopyValue value={data.id} label="workspace ID" />
                </DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>Created</DataList.ItemLabel>
                <DataList.ItemValue>
                  <Text fz="sm">{formatDateTime(data.created_at)}</Text>
                </DataList.ItemValue>
              </DataList.Item>
            </DataList>
          ) : (
            <Stack>
              <Skeleton h={20} />
              <Skeleton h={20} />
              <Skeleton h={20} />
            </Stack>
          )}
        </Paper>
      </div>
    </Stack>
  );
}
