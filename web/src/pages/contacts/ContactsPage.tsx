import { useCallback, useEffect, useMemo, useState } from 'react';
import { ActionIcon, Anchor, Box, Button, Group, Menu, Paper, Select, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowMerge, IconDots, IconDownload, IconFileImport, IconForms, IconHistory, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { downloadFile } from '../../api/client';
import { contactQueries, contactsExportPath, type Contact } from '../../api/contacts';
import { customFieldsQuery } from '../../api/custom-fields';
import { listQueries } from '../../api/lists';
import { memberMap, membersQuery } from '../../api/members';
import { useCan } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { PageContainer } from '../../components/PageContainer';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { notifyError } from '../../notify';
import { CompanySelect } from '../../components/CompanySelect';
import { BulkActions } from './BulkActions';
import { TrashNotice } from './TrashNotice';
import { ColumnsChooser } from './ColumnsChooser';
import { customColumn, STANDARD_COLUMNS } from '../../components/contact-columns';
import { ContactsEmptyState, NoMatchingContacts } from './ContactsEmptyState';
import { ContactsTable } from '../../components/ContactsTable';
import { ContactsToolbar } from './ContactsToolbar';
import { NewContactModal } from './NewContactModal';
import { useContactFilters, useStoredColumns } from './use-contacts-view';
import { contactCount } from '../../format';

const PAGE_SIZE = 50;

export function ContactsPage() {
  const { slug } = useWorkspace();
  const editable = useCan('contacts.write');
  const { filters, update, clear, active } = useContactFilters();
  const [columnIds, setColumnIds] = useStoredColumns(slug);
  const [creating, createModal] = useDisclosure(false);
  const [selected, setSelected] = useState<Map<string, Contact>>(new Map());
  const [exporting, setExporting] = useState(false);

  const members = useQuery(membersQuery(slug));
  const customFields = useQuery(customFieldsQuery(slug));
  const lists = useQuery({ ...listQueries.all(slug), retry: false });
  const contacts = useInfiniteQuery({ ...contactQueries.list(slug, filters, PAGE_SIZE), placeholderData: (previous) => previous });

  // "Select all N matching": the selection is every contact the filters match, not the rows shown.
  const [allMatching, setAllMatching] = useState(false);
  // A selection belongs to the rows it was made on: new filters start a new one.
  useEffect(() => {
    setSelected(new Map());
    setAllMatching(false);
  }, [filters]);

  const rows = useMemo(() => contacts.data?.pages.flatMap((p) => p.data), [contacts.data]);
  const memberById = useMemo(() => memberMap(members.data), [members.data]);
  const customColumns = useMemo(() => (customFields.data ?? []).map(customColumn), [customFields.data]);
  const visibleColumns = useMemo(
    () => [...STANDARD_COLUMNS, ...customColumns].filter((c) => columnIds.includes(c.id)),
    [customColumns, columnIds],
  );
  // Every tag of the workspace, most used first, from the server (not only those of the rows loaded).
  const workspaceTags = useQuery(contactQueries.tags(slug));
  const tagSuggestions = useMemo(
    () => [...new Set([...(workspaceTags.data ?? []).map((t) => t.tag), ...(filters.tags ?? [])])],
    [workspaceTags.data, filters.tags],
  );

  const select = useCallback(
    (ids: string[], on: boolean) => {
      if (!on) setAllMatching(false);
      setSelected((current) => {
        const next = new Map(current);
        for (const id of ids) {
          const contact = rows?.find((c) => c.id === id);
          if (on && contact) next.set(id, contact);
          else next.delete(id);
        }
        return next;
      });
    },
    [rows],
  );
  const clearSelection = () => {
    setSelected(new Map());
    setAllMatching(false);
  };
  // Offered once every row shown is ticked and more match than are shown.
  const pageSelected = !!rows && rows.length > 0 && selected.size === rows.length && contacts.hasNextPage;
  // The total the filters match, shown under the table and offered for "select all".
  const matchingCount = useQuery(contactQueries.count(slug, filters));

  const firstPageEmpty = contacts.data?.pages[0]?.data.length === 0;
  const emptyWorkspace = firstPageEmpty && !active;
  const newButton = editable && (
    <Button leftSection={<IconUserPlus size={16} />} onClick={createModal.open}>
      New contact
    </Button>
  );
  const importButton = editable && (
    <Button component={Link} to={`/w/${slug}/contacts/import`} variant="default" leftSection={<IconFileImport size={16} />}>
      Import
    </Button>
  );
  const headerActions = !emptyWorkspace && (
    <>
      <Tooltip label={active ? 'Download the contacts that match the filters, as CSV' : 'Download all contacts, as CSV'}>
        <Button variant="default" leftSection={<IconDownload size={16} />} loading={exporting} onClick={() => void exportCsv()}>
          Export
        </Button>
      </Tooltip>
      {importButton}
      {newButton}
      <Menu position="bottom-end" shadow="md" width={220}>
        <Menu.Target>
          <ActionIcon variant="default" size={36} aria-label="More contact actions">
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item component={Link} to={`/w/${slug}/contacts/duplicates`} leftSection={<IconArrowMerge size={16} />}>
            Find duplicates
          </Menu.Item>
          <Menu.Item component={Link} to={`/w/${slug}/contacts/trash`} leftSection={<IconTrash size={16} />}>
            Trash
          </Menu.Item>
          {editable && (
            <Menu.Item component={Link} to={`/w/${slug}/contacts/import`} leftSection={<IconHistory size={16} />}>
              Past imports
            </Menu.Item>
          )}
          <Menu.Item component={Link} to={`/w/${slug}/settings/contact-fields`} leftSection={<IconForms size={16} />}>
            Contact fields
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </>
  );

  async function exportCsv() {
    setExporting(true);
    try {
      await downloadFile(contactsExportPath(filters), slug, 'contacts.csv');
    } catch (error) {
      notifyError(error, 'Could not export the contacts');
    } finally {
      setExporting(false);
    }
  }

  function content() {
    if (contacts.isError && !contacts.data) return <QueryError error={contacts.error} onRetry={() => void contacts.refetch()} />;
    if (emptyWorkspace) {
      return (
        <>
          <TrashNotice />
          <ContactsEmptyState
            canCreate={editable}
            onCreate={createModal.open}
            importAction={
              importButton ? (
                <Button component={Link} to={`/w/${slug}/contacts/import`} variant="light" leftSection={<IconFileImport size={16} />} w="fit-content">
                  Import a CSV file
                </Button>
              ) : (
                <Text fz="xs" c="dimmed">
                  Your role cannot import contacts.
                </Text>
              )
            }
          />
        </>
      );
    }
    return (
      <>
        <ContactsToolbar
          filters={filters}
          onChange={update}
          onClear={clear}
          active={active}
          members={members.data ?? []}
          tagSuggestions={tagSuggestions}
          columns={
            <ColumnsChooser standard={STANDARD_COLUMNS} custom={customColumns} selected={columnIds} onChange={setColumnIds} />
          }
          extraFilters={
            <>
              <CompanySelect
                aria-label="Company"
                placeholder="Any company"
                size="xs"
                w={190}
                clearable
                value={filters.company ?? null}
                onChange={(company) => update({ company: company ?? undefined })}
              />
              <Select
                aria-label="List"
                placeholder="Any list"
                size="xs"
                w={170}
                clearable
                searchable
                data={(lists.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
                value={filters.list ?? null}
                onChange={(list) => update({ list: list ?? undefined })}
                nothingFoundMessage={lists.data?.length === 0 ? 'No lists yet' : 'No list by that name'}
              />
            </>
          }
        />
        {(pageSelected || allMatching) && matchingCount.data !== undefined && (
          <Paper withBorder p="xs" mb="sm" bg="brand.0" ta="center">
            {allMatching ? (
              <Text fz="sm">
                All {matchingCount.data.toLocaleString()} contacts {active ? 'matching these filters ' : ''}are selected.{' '}
                <Anchor component="button" fz="sm" fw={600} onClick={clearSelection}>
                  Clear the selection
                </Anchor>
              </Text>
            ) : (
              <Text fz="sm">
                The {rows!.length.toLocaleString()} contacts shown are selected.{' '}
                <Anchor component="button" fz="sm" fw={600} onClick={() => setAllMatching(true)}>
                  Select all {matchingCount.data.toLocaleString()} contacts{active ? ' matching these filters' : ''}
                </Anchor>
              </Text>
            )}
          </Paper>
        )}
        {firstPageEmpty ? (
          <Paper withBorder>
            <NoMatchingContacts onClear={clear} />
          </Paper>
        ) : (
          <Paper withBorder style={{ overflow: 'hidden' }} opacity={contacts.isPlaceholderData ? 0.6 : 1}>
            <ContactsTable
              slug={slug}
              contacts={rows}
              columns={visibleColumns}
              context={{ members: memberById, slug }}
              selectable={editable}
              selected={allMatching ? new Set(rows?.map((c) => c.id)) : new Set(selected.keys())}
              onSelect={select}
              filters={filters}
              onSort={(sort, order) => update({ sort, order })}
            />
            {rows && (
              <Group justify="space-between" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
                <Text fz="sm" c="dimmed">
                  {contacts.hasNextPage
                    ? `Showing ${rows.length.toLocaleString()} of ${matchingCount.data !== undefined ? contactCount(matchingCount.data) : 'more contacts'}`
                    : contactCount(rows.length)}
                  {active ? ' matching these filters' : ''}
                </Text>
                {contacts.hasNextPage && (
                  <Button variant="default" size="xs" loading={contacts.isFetchingNextPage} onClick={() => void contacts.fetchNextPage()}>
                    Load {PAGE_SIZE} more
                  </Button>
                )}
              </Group>
            )}
          </Paper>
        )}
      </>
    );
  }

  return (
    <PageContainer wide>
      <PageHeader
        title="Contacts"
        description="Everyone who left their details, and what they did since."
        actions={headerActions}
      />
      {content()}
      {editable && <NewContactModal opened={creating} onClose={createModal.close} tagSuggestions={tagSuggestions} />}
      {/* Room below the last row, so the floating bulk bar never hides it. */}
      {selected.size > 0 && <Box h={72} />}
      {editable && (
        <BulkActions
          selected={[...selected.values()]}
          matching={allMatching && matchingCount.data !== undefined ? { filters, count: matchingCount.data } : null}
          onClear={clearSelection}
          tagSuggestions={tagSuggestions}
          lists={lists.data ?? []}
          currentList={lists.data?.find((l) => l.id === filters.list) ?? null}
        />
      )}
    </PageContainer>
  );
}
