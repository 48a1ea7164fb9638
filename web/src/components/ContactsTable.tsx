import type { ReactNode } from 'react';
import { Anchor, Avatar, Checkbox, Group, Skeleton, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import type { Contact, ContactFilters, ContactSort } from '../api/contacts';
import { initials } from '../format';
import type { ColumnContext, ContactColumn } from './contact-columns';
import { contactName } from '../contact-fields';
import classes from './ContactsTable.module.css';

interface Props {
  slug: string;
  contacts: Contact[] | undefined;
  columns: ContactColumn[];
  context: ColumnContext;
  selectable: boolean;
  selected?: ReadonlySet<string>;
  onSelect?: (ids: string[], on: boolean) => void;
  /** Without these the headers do not sort (a company's or a list's contacts). */
  filters?: ContactFilters;
  onSort?: (sort: ContactSort, order: 'asc' | 'desc') => void;
  /** Row actions at the end of each row (remove from a list). */
  rowAction?: (contact: Contact) => ReactNode;
}

const NONE: ReadonlySet<string> = new Set();

function SortHeader({ column, filters, onSort }: { column: ContactColumn; filters: ContactFilters; onSort: NonNullable<Props['onSort']> }) {
  const sort = column.sort!;
  const active = filters.sort === sort;
  const Icon = !active ? IconSelector : filters.order === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <UnstyledButton
      className={classes.sortButton}
      data-active={active || undefined}
      onClick={() => onSort(sort, active && filters.order === 'desc' ? 'asc' : 'desc')}
      aria-label={`Sort by ${column.label}`}
    >
      <Group gap={4} wrap="nowrap">
        {column.label}
        <Icon size={14} />
      </Group>
    </UnstyledButton>
  );
}

export function ContactsTable({ slug, contacts, columns, context, selectable, selected = NONE, onSelect = () => {}, filters, onSort, rowAction }: Props) {
  const navigate = useNavigate();
  const ids = contacts?.map((c) => c.id) ?? [];
  const allSelected = ids.length > 0 && ids.every((id) => selected.has(id));
  const someSelected = ids.some((id) => selected.has(id));
  const span = columns.length + 1 + (selectable ? 1 : 0) + (rowAction ? 1 : 0);

  return (
    <Table.ScrollContainer minWidth={320 + columns.length * 120} type="native">
      <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover className={classes.table}>
        <Table.Thead bg="gray.0">
          <Table.Tr>
            {selectable && (
              <Table.Th w={44}>
                <Checkbox
                  size="sm"
                  aria-label="Select all shown contacts"
                  checked={allSelected}
                  indeterminate={someSelected && !allSelected}
                  disabled={ids.length === 0}
                  onChange={() => onSelect(ids, !allSelected)}
                />
              </Table.Th>
            )}
            <Table.Th>Contact</Table.Th>
            {columns.map((c) => (
              <Table.Th key={c.id} style={{ whiteSpace: 'nowrap' }}>
                {c.sort && filters && onSort ? <SortHeader column={c} filters={filters} onSort={onSort} /> : c.label}
              </Table.Th>
            ))}
            {rowAction && <Table.Th aria-label="Actions" />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contacts
            ? contacts.map((contact) => {
                const name = contactName(contact);
                const href = `/w/${slug}/contacts/${contact.id}`;
                const isSelected = selected.has(contact.id);
                // Under the name: the email, or for leads without one the ID another system gave them.
                const secondary =
                  contact.email && contact.email !== name
                    ? contact.email
                    : contact.external_id && contact.external_id !== name
                      ? `ID ${contact.external_id}`
                      : null;
                return (
                  <Table.Tr
                    key={contact.id}
                    className={classes.row}
                    bg={isSelected ? 'var(--mantine-color-brand-0)' : undefined}
                    onClick={(event) => {
                      // A click on the checkbox or the name link is theirs; anywhere else opens the contact.
                      if ((event.target as HTMLElement).closest('a, input, button, label')) return;
                      void navigate(href);
                    }}
                  >
                    {selectable && (
                      <Table.Td>
                        <Checkbox
                          size="sm"
                          aria-label={`Select ${name}`}
                          checked={isSelected}
                          onChange={(e) => onSelect([contact.id], e.currentTarget.checked)}
                        />
                      </Table.Td>
                    )}
                    <Table.Td>
                      <Group gap="sm" wrap="nowrap" miw={220}>
                        <Avatar size={32} radius="xl" color="brand" variant="light">
                          {initials(name)}
                        </Avatar>
                        <div style={{ minWidth: 0 }}>
                          <Anchor component={Link} to={href} fz="sm" fw={600} c="dark.7" className={classes.name} truncate="end" maw={260} display="block">
                            {name}
                          </Anchor>
                          {secondary && (
                            <Text fz="xs" c="dimmed" truncate maw={260}>
                              {secondary}
                            </Text>
                          )}
                        </div>
                      </Group>
                    </Table.Td>
                    {columns.map((c) => (
                      <Table.Td key={c.id}>{c.render(contact, context)}</Table.Td>
                    ))}
                    {rowAction && (
                      <Table.Td w={60} ta="right">
                        {rowAction(contact)}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })
            : [0, 1, 2, 3, 4].map((i) => (
                <Table.Tr key={i}>
                  <Table.Td colSpan={span}>
                    <Skeleton h={30} />
                  </Table.Td>
                </Table.Tr>
              ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
