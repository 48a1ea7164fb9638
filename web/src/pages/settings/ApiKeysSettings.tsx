import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Code, EmptyState, Paper, Skeleton, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey, IconLock, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { apiKeysQuery, useRevokeApiKey } from '../../api/api-keys';
import type { ApiKey, NewApiKey } from '../../api/types';
import { ROLE_LABELS, useCan } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CurlExample, curlCreateContact } from '../../components/CurlExample';
import { QueryError } from '../../components/QueryError';
import { RoleBadge } from '../../components/RoleBadge';
import { SectionHeader } from '../../components/SectionHeader';
import { formatDate, formatDateTime, formatRelative } from '../../format';
import { API_DOCS_URL } from '../../modules';
import { notifyError, notifySuccess } from '../../notify';
import { CreateApiKeyModal } from './CreateApiKeyModal';
import { NewApiKeyModal } from './NewApiKeyModal';

function KeyRow({ apiKey, onRevoke }: { apiKey: ApiKey; onRevoke: (() => void) | null }) {
  const revoked = apiKey.revoked_at !== null;
  return (
    <Table.Tr style={revoked ? { opacity: 0.55 } : undefined}>
      <Table.Td>
        <Text fz="sm" fw={600}>
          {apiKey.name}
        </Text>
      </Table.Td>
      <Table.Td>
        <Code fz="xs">{apiKey.prefix}…</Code>
      </Table.Td>
      <Table.Td>
        <RoleBadge role={apiKey.role} />
      </Table.Td>
      <Table.Td>
        <Text fz="sm" c="dimmed">
          {formatDate(apiKey.created_at)}
        </Text>
      </Table.Td>
      <Table.Td>
        {apiKey.last_used_at ? (
          <Tooltip label={formatDateTime(apiKey.last_used_at)}>
            <Text fz="sm" c="dimmed" component="span">
              {formatRelative(apiKey.last_used_at)}
            </Text>
          </Tooltip>
        ) : (
          <Text fz="sm" c="dimmed">
            Never
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {revoked ? (
          <Tooltip label={`Revoked ${formatDateTime(apiKey.revoked_at!)}`}>
            <Badge color="gray" variant="light" radius="sm" tt="none">
              Revoked
            </Badge>
          </Tooltip>
        ) : (
          <Badge color="teal" variant="light" radius="sm" tt="none">
            Active
          </Badge>
        )}
      </Table.Td>
      <Table.Td ta="right">
        {!revoked && onRevoke && (
          <Button size="compact-sm" variant="subtle" color="red" onClick={onRevoke} aria-label={`Revoke ${apiKey.name}`}>
            Revoke
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function ApiKeysSettings() {
  const { slug, role, name: workspaceName } = useWorkspace();
  const manage = useCan('api_keys.manage');
  // Listing keys needs the same permission as managing them: other roles are not asked at all.
  const keys = useQuery({ ...apiKeysQuery(slug), enabled: manage });
  const [creating, createModal] = useDisclosure(false);
  const [created, setCreated] = useState<NewApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  const revoke = useRevokeApiKey(slug);
  const revokeKey = (key: ApiKey) =>
    revoke.mutate(key, {
      onSuccess: () => {
        notifySuccess(`“${key.name}” revoked. Requests using it are now refused.`);
        setRevoking(null);
      },
      onError: (error) => notifyError(error, 'Could not revoke the key'),
    });

  const createButton = manage && (
    <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
      Create API key
    </Button>
  );

  function content() {
    if (!manage) {
      return (
        <Alert color="gray" variant="light" icon={<IconLock size={18} />} title="Only owners and admins manage API keys">
          Your role is {ROLE_LABELS[role]}. Ask a workspace owner or admin for a key if you need to call the API.
        </Alert>
      );
    }
    if (keys.isError) return <QueryError error={keys.error} onRetry={() => void keys.refetch()} />;
    if (keys.data && keys.data.length === 0) {
      return (
        <Paper withBorder py={40} px="xl">
          <EmptyState
            icon={<IconKey size={28} stroke={1.6} />}
            variant="light"
            size="sm"
            maw={560}
            mx="auto"
            title="No API keys yet"
            description="Create one to send leads from your site or another CRM. Each request carries the key in its Authorization header:"
          >
            <Stack mt="md" gap="md" w="100%">
              <CurlExample command={curlCreateContact(window.location.origin)} />
              <Text fz="sm" c="dimmed" ta="center">
                Every endpoint is described in the{' '}
                <Anchor href={API_DOCS_URL} target="_blank" rel="noreferrer" fz="sm">
                  API reference
                </Anchor>
                .
              </Text>
            </Stack>
            {createButton && <EmptyState.Actions>{createButton}</EmptyState.Actions>}
          </EmptyState>
        </Paper>
      );
    }
    return (
      <Paper withBorder style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" horizontalSpacing="lg" highlightOnHover>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Key</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.data
                ? keys.data.map((k) => (
                    <KeyRow key={k.id} apiKey={k} onRevoke={manage ? () => setRevoking(k) : null} />
                  ))
                : [0, 1].map((i) => (
                    <Table.Tr key={i}>
                      <Table.Td colSpan={7}>
                        <Skeleton h={24} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    );
  }

  const hasKeys = (keys.data?.length ?? 0) > 0;
  return (
    <>
      <SectionHeader
        title="API keys"
        description={`Keys let your site, scripts and other tools read and write ${workspaceName} through the REST API.`}
        actions={hasKeys ? createButton : null}
      />
      {content()}
      {manage && <CreateApiKeyModal opened={creating} onClose={createModal.close} onCreated={setCreated} />}
      <NewApiKeyModal apiKey={created} onClose={() => setCreated(null)} />
      <ConfirmDialog
        opened={revoking !== null}
        title="Revoke API key"
        confirmLabel="Revoke key"
        loading={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revokeKey(revoking)}
      >
        Anything still using <b>{revoking?.name}</b> ({revoking?.prefix}…) will get 401 errors from now on. This cannot
        be undone.
      </ConfirmDialog>
    </>
  );
}
