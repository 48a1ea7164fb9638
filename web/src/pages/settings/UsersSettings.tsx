import { useState } from 'react';
import { ActionIcon, Avatar, Badge, Button, Group, Paper, Select, Table, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { membersQuery, useChangeMemberRole, useRemoveMember } from '../../api/members';
import type { Member, Role } from '../../api/types';
import { roleOptions, useCan } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { QueryError } from '../../components/QueryError';
import { RoleBadge } from '../../components/RoleBadge';
import { SectionHeader } from '../../components/SectionHeader';
import { formatDate, initials } from '../../format';
import { notifyError, notifySuccess } from '../../notify';
import { InviteUserModal } from './InviteUserModal';
import { PendingInvitations } from './PendingInvitations';
import { SkeletonRows } from '../../components/SkeletonRows';

export function UsersSettings() {
  const workspace = useWorkspace();
  const { slug } = workspace;
  const members = useQuery(membersQuery(slug));
  const [adding, addModal] = useDisclosure(false);
  const [removing, setRemoving] = useState<Member | null>(null);
  const manage = useCan('members.manage');
  const grantable = workspace.grantable_roles;

  const changeRole = useChangeMemberRole(slug);
  const giveRole = (userId: string, role: Role) =>
    changeRole.mutate(
      { userId, role },
      { onSuccess: (member) => notifySuccess(`${member.email} is now ${member.role}`), onError: (error) => notifyError(error, 'Could not change the role') },
    );

  const remove = useRemoveMember(slug);
  const removeUser = (member: Member) =>
    remove.mutate(member, {
      onSuccess: () => {
        notifySuccess(`${member.email} was removed from ${workspace.name}`);
        setRemoving(null);
      },
      onError: (error) => notifyError(error, 'Could not remove the user'),
    });

  // An admin cannot touch an owner; nobody edits or removes themselves from this table.
  const editableRow = (m: Member) => manage && m.user_id !== workspace.user.id && grantable.includes(m.role);

  const rows = members.data?.map((m) => (
    <Table.Tr key={m.user_id}>
      <Table.Td>
        <Group gap="sm" wrap="nowrap">
          <Avatar size={34} radius="xl" color="brand">
            {initials(m.name || m.email)}
          </Avatar>
          <div style={{ minWidth: 0 }}>
            <Group gap={6}>
              <Text fz="sm" fw={600} truncate>
                {m.name || m.email.split('@')[0]}
              </Text>
              {m.user_id === workspace.user.id && (
                <Badge size="xs" variant="outline" color="gray">
                  You
                </Badge>
              )}
            </Group>
            <Text fz="xs" c="dimmed" truncate>
              {m.email}
            </Text>
          </div>
        </Group>
      </Table.Td>
      <Table.Td w={170}>
        {editableRow(m) ? (
          <Select
            size="xs"
            w={140}
            aria-label={`Role of ${m.email}`}
            data={roleOptions(grantable)}
            value={m.role}
            allowDeselect={false}
            disabled={changeRole.isPending && changeRole.variables?.userId === m.user_id}
            onChange={(role) => role && role !== m.role && giveRole(m.user_id, role as Role)}
          />
        ) : (
          <RoleBadge role={m.role} />
        )}
      </Table.Td>
      <Table.Td w={140}>
        <Text fz="sm" c="dimmed">
          {formatDate(m.created_at)}
        </Text>
      </Table.Td>
      <Table.Td w={60} ta="right">
        {editableRow(m) && (
          <Tooltip label="Remove from workspace">
            <ActionIcon variant="subtle" color="red" aria-label={`Remove ${m.email}`} onClick={() => setRemoving(m)}>
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Table.Td>
    </Table.Tr>
  ));

  return (
    <>
      <SectionHeader
        title="Users"
        description={`People who can sign in to ${workspace.name}. Their role decides what they can see and change.`}
        actions={
          manage && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={addModal.open}>
              Invite user
            </Button>
          )
        }
      />
      {members.isError ? (
        <QueryError error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <Paper withBorder style={{ overflow: 'hidden' }}>
          <Table verticalSpacing="sm" horizontalSpacing="lg" highlightOnHover>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>User</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Added</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows ??
                <SkeletonRows columns={4} height={34} />}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {manage && <PendingInvitations />}
      {manage && <InviteUserModal opened={adding} onClose={addModal.close} />}
      <ConfirmDialog
        opened={removing !== null}
        title="Remove user"
        confirmLabel="Remove user"
        loading={remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() => removing && removeUser(removing)}
      >
        <b>{removing?.email}</b> will lose access to {workspace.name} right away. Their contacts, notes and history
        stay in the workspace.
      </ConfirmDialog>
    </>
  );
}
