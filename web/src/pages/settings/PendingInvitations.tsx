import { useState } from 'react';
import { ActionIcon, Badge, Group, Paper, Table, Text, Tooltip } from '@mantine/core';
import { IconMailX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { invitationsQuery, useRevokeInvitation } from '../../api/invitations';
import type { Invitation } from '../../api/types';
import { useWorkspace } from '../../auth/workspace-context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { QueryError } from '../../components/QueryError';
import { RoleBadge } from '../../components/RoleBadge';
import { formatDate } from '../../format';
import { notifyError, notifySuccess } from '../../notify';

/** The workspace's open invitations, each withdrawable (shown to those who manage members). */
export function PendingInvitations() {
  const workspace = useWorkspace();
  const invitations = useQuery(invitationsQuery(workspace.slug));
  const revoke = useRevokeInvitation(workspace.slug);
  const [revoking, setRevoking] = useState<Invitation | null>(null);

  if (invitations.isError) return <QueryError error={invitations.error} onRetry={() => void invitations.refetch()} />;
  if (!invitations.data?.length) return null;

  const withdraw = (invitation: Invitation) =>
    revoke.mutate(invitation, {
      onSuccess: () => {
        notifySuccess(`The invitation to ${invitation.email} was withdrawn`);
        setRevoking(null);
      },
      onError: (error) => notifyError(error, 'Could not withdraw the invitation'),
    });

  return (
    <>
      <Text fw={600} mt="xl" mb="xs">
        Invitations
      </Text>
      <Paper withBorder style={{ overflow: 'hidden' }}>
        <Table verticalSpacing="sm" horizontalSpacing="lg" aria-label="Invitations">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th>Email</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Invited by</Table.Th>
              <Table.Th>Link works until</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitations.data.map((invitation) => (
              <Table.Tr key={invitation.id}>
                <Table.Td>
                  <Text fz="sm">{invitation.email}</Text>
                </Table.Td>
                <Table.Td w={170}>
                  <RoleBadge role={invitation.role} />
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" c="dimmed">
                    {invitation.invited_by?.name ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td w={170}>
                  {invitation.status === 'expired' ? (
                    <Badge color="gray" variant="light">
                      Expired
                    </Badge>
                  ) : (
                    <Text fz="sm" c="dimmed">
                      {formatDate(invitation.expires_at)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td w={60} ta="right">
                  {workspace.grantable_roles.includes(invitation.role) && (
                    <Tooltip label="Withdraw invitation">
                      <ActionIcon variant="subtle" color="red" aria-label={`Withdraw the invitation to ${invitation.email}`} onClick={() => setRevoking(invitation)}>
                        <IconMailX size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Group mt={6}>
        <Text fz="xs" c="dimmed">
          Inviting an address again sends a new link that works for another 7 days.
        </Text>
      </Group>
      <ConfirmDialog
        opened={revoking !== null}
        title="Withdraw invitation"
        confirmLabel="Withdraw"
        loading={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && withdraw(revoking)}
      >
        The link sent to <b>{revoking?.email}</b> will stop working.
      </ConfirmDialog>
    </>
  );
}
