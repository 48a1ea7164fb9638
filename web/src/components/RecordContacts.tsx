import type { ReactNode } from 'react';
import { Paper } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { contactQueries, type Contact, type ContactFilters } from '../api/contacts';
import { memberMap, membersQuery } from '../api/members';
import { useWorkspace } from '../auth/workspace-context';
import { ContactsTable } from './ContactsTable';
import type { ContactColumn } from './contact-columns';
import { LoadMore } from './LoadMore';
import { QueryError } from './QueryError';

interface Props {
  /** Whose contacts: `{ company: id }` or `{ list: id }`. */
  filters: ContactFilters;
  columns: ContactColumn[];
  /** Shown instead of an empty table. */
  empty: ReactNode;
  rowAction?: (contact: Contact) => ReactNode;
}

/** A record's contacts (a company's, a list's), newest first, a page at a time. */
export function RecordContacts({ filters, columns, empty, rowAction }: Props) {
  const { slug } = useWorkspace();
  const members = useQuery(membersQuery(slug));
  const contacts = useInfiniteQuery(contactQueries.list(slug, filters));
  const rows = contacts.data?.pages.flatMap((p) => p.data);

  if (contacts.isError) return <QueryError error={contacts.error} onRetry={() => void contacts.refetch()} />;
  if (rows?.length === 0) return <Paper withBorder>{empty}</Paper>;
  return (
    <Paper withBorder style={{ overflow: 'hidden' }}>
      <ContactsTable
        slug={slug}
        contacts={rows}
        columns={columns}
        context={{ members: memberMap(members.data), slug }}
        selectable={false}
        rowAction={rowAction}
      />
      <LoadMore hasMore={contacts.hasNextPage} loading={contacts.isFetchingNextPage} onLoad={() => void contacts.fetchNextPage()} />
    </Paper>
  );
}
