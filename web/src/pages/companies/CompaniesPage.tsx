import { useEffect, useMemo, useState } from 'react';
import { Anchor, Avatar, Button, CloseButton, Group, Paper, Select, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconArrowsSort, IconBuildingSkyscraper, IconPlus, IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { companyQueries, type CompanyFilters } from '../../api/companies';
import { useCan } from '../../auth/permissions';
import { LinkRow } from '../../components/LinkRow';
import { LoadMore } from '../../components/LoadMore';
import { useWorkspace } from '../../auth/workspace-context';
import { PageContainer } from '../../components/PageContainer';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { StatusMessage } from '../../components/StatusMessage';
import { formatDate, formatDateTime, initials, plural } from '../../format';
import { NewCompanyModal } from './NewCompanyModal';
import { SkeletonRows } from '../../components/SkeletonRows';

const SORTS = [
  { value: 'name:asc', label: 'Name, A to Z' },
  { value: 'name:desc', label: 'Name, Z to A' },
  { value: 'created_at:desc', label: 'Newest first' },
  { value: 'created_at:asc', label: 'Oldest first' },
];

const dash = (
  <Text fz="sm" c="gray.4" component="span">
    —
  </Text>
);

export function CompaniesPage() {
  const { slug } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const [creating, createModal] = useDisclosure(false);
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const sortValue = SORTS.some((s) => s.value === params.get('sort')) ? params.get('sort')! : 'name:asc';
  const [sort, order] = sortValue.split(':') as [CompanyFilters['sort'], CompanyFilters['order']];
  const filters = useMemo<CompanyFilters>(() => ({ q: debounced || undefined, sort, order }), [debounced, sort, order]);
  const manage = useCan('marketing.write');

  useEffect(() => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (debounced) next.set('q', debounced);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [debounced, setParams]);

  const companies = useInfiniteQuery({ ...companyQueries.list(slug, filters), placeholderData: (previous) => previous });
  const rows = companies.data?.pages.flatMap((p) => p.data);
  const noneAtAll = rows?.length === 0 && !filters.q;

  const newButton = manage && (
    <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
      New company
    </Button>
  );

  function content() {
    if (companies.isError && !companies.data) return <QueryError error={companies.error} onRetry={() => void companies.refetch()} />;
    if (noneAtAll) {
      return (
        <Paper withBorder>
          <StatusMessage
            icon={<IconBuildingSkyscraper size={26} stroke={1.7} />}
            title="No companies yet"
            description="Companies appear on their own when contacts with a work email arrive: everyone at acme.com lands in one Acme. Free-mail addresses such as gmail.com never make a company. You can also add one by hand."
            actions={newButton || undefined}
          />
        </Paper>
      );
    }
    return (
      <>
        <Group justify="space-between" mb="md" gap="sm">
          <TextInput
            aria-label="Search companies"
            placeholder="Search by name or domain"
            leftSection={<IconSearch size={16} />}
            rightSection={search ? <CloseButton size="sm" aria-label="Clear search" onClick={() => setSearch('')} /> : null}
            w={{ base: '100%', sm: 360 }}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <Select
            aria-label="Sort companies"
            leftSection={<IconArrowsSort size={16} />}
            data={SORTS}
            value={sortValue}
            allowDeselect={false}
            onChange={(value) =>
              value &&
              setParams(
                (current) => {
                  const next = new URLSearchParams(current);
                  next.set('sort', value);
                  return next;
                },
                { replace: true },
              )
            }
            w={200}
          />
        </Group>
        {rows?.length === 0 ? (
          <Paper withBorder>
            <StatusMessage
              icon={<IconSearch size={26} stroke={1.7} />}
              title="No company matches this search"
              description="Search looks at the start of company names and domains."
              actions={
                <Button variant="light" onClick={() => setSearch('')}>
                  Clear search
                </Button>
              }
            />
          </Paper>
        ) : (
          <Paper withBorder style={{ overflow: 'hidden' }} opacity={companies.isPlaceholderData ? 0.6 : 1}>
            <Table.ScrollContainer minWidth={760} type="native">
              <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <Table.Th>Company</Table.Th>
                    <Table.Th>Industry</Table.Th>
                    <Table.Th>Size</Table.Th>
                    <Table.Th>Country</Table.Th>
                    <Table.Th ta="right">Contacts</Table.Th>
                    <Table.Th>Added</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows
                    ? rows.map((c) => {
                        const href = `/w/${slug}/companies/${c.id}`;
                        return (
                          <LinkRow key={c.id} to={href}>
                            <Table.Td>
                              <Group gap="sm" wrap="nowrap">
                                <Avatar size={32} radius="md" color="gray" variant="light">
                                  {initials(c.name)}
                                </Avatar>
                                <div style={{ minWidth: 0 }}>
                                  <Anchor component={Link} to={href} fz="sm" fw={600} c="dark.7" truncate="end" maw={280} display="block">
                                    {c.name}
                                  </Anchor>
                                  {c.domain && (
                                    <Text fz="xs" c="dimmed" truncate maw={280}>
                                      {c.domain}
                                    </Text>
                                  )}
                                </div>
                              </Group>
                            </Table.Td>
                            <Table.Td>{c.industry ? <Text fz="sm">{c.industry}</Text> : dash}</Table.Td>
                            <Table.Td>{c.size ? <Text fz="sm">{c.size}</Text> : dash}</Table.Td>
                            <Table.Td>{c.country ? <Text fz="sm">{c.country}</Text> : dash}</Table.Td>
                            <Table.Td ta="right">
                              <Text fz="sm" fw={600}>
                                {c.contact_count.toLocaleString()}
                              </Text>
                            </Table.Td>
                            <Table.Td>
                              <Tooltip label={formatDateTime(c.created_at)}>
                                <Text fz="sm" c="dimmed" component="span">
                                  {formatDate(c.created_at)}
                                </Text>
                              </Tooltip>
                            </Table.Td>
                          </LinkRow>
                        );
                      })
                    : <SkeletonRows columns={6} height={30} />}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {rows && (
              <LoadMore hasMore={companies.hasNextPage} loading={companies.isFetchingNextPage} onLoad={() => void companies.fetchNextPage()}>
                <Text fz="sm" c="dimmed">
                  {companies.hasNextPage
                    ? `Showing the first ${rows.length.toLocaleString()} companies`
                    : plural(rows.length, 'company', 'companies')}
                </Text>
              </LoadMore>
            )}
          </Paper>
        )}
      </>
    );
  }

  return (
    <PageContainer wide>
      <PageHeader
        title="Companies"
        description="The organisations your contacts work for, linked from their work email or set by hand."
        actions={!noneAtAll && newButton}
      />
      {content()}
      {manage && <NewCompanyModal opened={creating} onClose={createModal.close} />}
    </PageContainer>
  );
}
