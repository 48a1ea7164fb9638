import { Group, List, Paper, Skeleton, Table, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { rolesQuery } from '../../api/roles';
import { useWorkspace } from '../../auth/workspace-context';
import { QueryError } from '../../components/QueryError';
import { RoleBadge } from '../../components/RoleBadge';
import { SectionHeader } from '../../components/SectionHeader';

export function RolesSettings() {
  const { slug, role: myRole } = useWorkspace();
  const roles = useQuery(rolesQuery(slug));

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
                ? roles.data.map((r) => (
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
                          {r.permissions.map((p) => (
                            <List.Item key={p.name} title={p.name}>
                              {p.description}
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
