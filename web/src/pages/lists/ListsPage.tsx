import { Anchor, Button, Paper, Table, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconListDetails, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { listQueries } from '../../api/lists';
import { useCan } from '../../auth/permissions';
import { LinkRow } from '../../components/LinkRow';
import { useWorkspace } from '../../auth/workspace-context';
import { PageContainer } from '../../components/PageContainer';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { StatusMessage } from '../../components/StatusMessage';
import { formatDateTime, formatRelative } from '../../format';
import { ListFormModal } from './ListFormModal';
import { SkeletonRows } from '../../components/SkeletonRows';

export function ListsPage() {
  const { slug } = useWorkspace();
  const navigate = useNavigate();
  const manage = useCan('marketing.write');
  const [creating, createModal] = useDisclosure(false);
  const lists = useQuery(listQueries.all(slug));

  const newButton = manage && (
    <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
      New list
    </Button>
  );

  function content() {
    if (lists.isError) return <QueryError error={lists.error} onRetry={() => void lists.refetch()} />;
    if (lists.data?.length === 0) {
      return (
        <Paper withBorder>
          <StatusMessage
            icon={<IconListDetails size={26} stroke={1.7} />}
            title="No lists yet"
            description="A list is a group of contacts you pick by hand: the people from an event, a customer advisory board, a newsletter audience. Create one, then add contacts from the Contacts table (select them, then Add to list) or through the API."
            actions={newButton || undefined}
          />
        </Paper>
      );
    }
    return (
      <Paper withBorder style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={640} type="native">
          <Table verticalSpacing="sm" horizontalSpacing="lg" highlightOnHover>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>List</Table.Th>
                <Table.Th ta="right">Contacts</Table.Th>
                <Table.Th>Updated</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lists.data
                ? lists.data.map((l) => {
                    const href = `/w/${slug}/lists/${l.id}`;
                    return (
                      <LinkRow key={l.id} to={href}>
                        <Table.Td>
                          <Anchor component={Link} to={href} fz="sm" fw={600} c="dark.7">
                            {l.name}
                          </Anchor>
                          {l.description && (
                            <Text fz="xs" c="dimmed" lineClamp={1} maw={560}>
                              {l.description}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td ta="right" w={120}>
                          <Text fz="sm" fw={600}>
                            {l.member_count.toLocaleString()}
                          </Text>
                        </Table.Td>
                        <Table.Td w={160}>
                          <Tooltip label={formatDateTime(l.updated_at)}>
                            <Text fz="sm" c="dimmed" component="span">
                              {formatRelative(l.updated_at)}
                            </Text>
                          </Tooltip>
                        </Table.Td>
                      </LinkRow>
                    );
                  })
                : <SkeletonRows columns={3} height={28} />}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    );
  }

  return (
    <PageContainer>
      <PageHeader
        title="Lists"
        description="Groups of contacts you put together by hand, by import or through the API — ready to export, and soon to email."
        actions={(lists.data?.length ?? 0) > 0 && newButton}
      />
      {content()}
      {manage && <ListFormModal opened={creating} onClose={createModal.close} onSaved={(l) => void navigate(`/w/${slug}/lists/${l.id}`)} />}
    </PageContainer>
  );
}
