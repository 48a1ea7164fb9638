import { Group, List, Paper, Skeleton, Table, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { listRoles, rolesKey } from '../../api/roles';
import type { Permission } from '../../api/types';
import { useWorkspace } from '../../auth/workspace-context';
import { QueryError } from '../../components/QueryError';
import { RoleBadge } from '../../components/RoleBadge';
import { SectionHeader } from '../../components/SectionHeader';

/** The server's wording of a permission, or its code made readable ("api_keys.manage" → "api keys manage"). */
function permissionText(permission: Permission): { code: string; text: string } {
  if (typeof permission !== 'string') return { code: permission.name, text: permission.description };
  return { code: permission, text: permission.replace(/[_.:-]+/g, ' ') };
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
                <Table.Th w="36%">Description</Table.Th>
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
                        <List spacing={4} size="sm" icon={<IconCheck size={15} color="var(--mantine-color-teal-6)" />} center>
                          {r.permissions.map(permissionText).map(({ code, text }) => (
                            <List.Item key={code} title={code}>
                              {text}
                            </List.Item>
                          ))}
                        </List>
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
