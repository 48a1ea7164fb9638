import { Badge, Group, Paper, Skeleton, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { listRoles, rolesKey } from '../../api/roles';
import { useWorkspace } from '../../auth/workspace-context';
import { QueryError } from '../../components/QueryError';
import { RoleBadge } from '../../components/RoleBadge';
import { SectionHeader } from '../../components/SectionHeader';

/** "api_keys:write" → "api keys: write": permission codes, readable but still recognisable. */
function permissionLabel(permission: string): string {
  return permission.replace(/[_-]/g, ' ').replace(/:/g, ': ');
}

export function RolesSettings() {
  const { slug, role: myRole } = useWorkspace();
  const roles = useQuery({ queryKey: rolesKey(slug), queryFn: () => listRoles(slug), staleTime: Infinity });

  return (
    <>
      <SectionHeader
        title="Roles"
        description="Every user and API key has one of these roles in a workspace. Roles are fixed; pick the smallest one that does the job."
      />
      {roles.isError ? (
        <QueryError error={roles.error} onRetry={() => void roles.refetch()} />
      ) : (
        <Paper withBorder style={{ overflow: 'hidden' }}>
          <Table verticalSpacing="md" horizontalSpacing="lg">
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th w={140}>Role</Table.Th>
                <Table.Th w="34%">Description</Table.Th>
                <Table.Th>What it may do</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {roles.data
                ? roles.data.data.map((r) => (
                    <Table.Tr key={r.role}>
                      <Table.Td valign="top">
                        <Group gap={6}>
                          <RoleBadge role={r.role} />
                          {r.role === myRole && (
                            <Text fz="xs" c="dimmed">
                              (you)
                            </Text>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td valign="top">
                        <Text fz="sm">{r.description}</Text>
                      </Table.Td>
                      <Table.Td valign="top">
                        <Group gap={6}>
                          {r.permissions.map((p) => (
                            <Badge key={p} variant="default" radius="sm" tt="none" fw={500} title={p}>
                              {permissionLabel(p)}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))
                : [0, 1, 2, 3, 4].map((i) => (
                    <Table.Tr key={i}>
                      <Table.Td colSpan={3}>
                        <Skeleton h={24} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </>
  );
}
