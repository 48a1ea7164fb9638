import { useState } from 'react';
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { companyQueries } from '../api/companies';
import { useWorkspace } from '../auth/workspace-context';

interface Props extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> {
  value: string | null;
  onChange: (id: string | null) => void;
}

/** Picks a company by typing the start of its name or domain: the server searches, so any number works. */
export function CompanySelect({ value, onChange, ...props }: Props) {
  const { slug } = useWorkspace();
  const [search, setSearch] = useState('');
  const selected = useQuery({ ...companyQueries.one(slug, value ?? ''), enabled: Boolean(value), retry: false });
  // Once a company is picked the box shows its name: that is not a search.
  const label = (c: { name: string; domain: string | null }) => (c.domain ? `${c.name} (${c.domain})` : c.name);
  const typed = selected.data && search === label(selected.data) ? '' : search;
  const [debounced] = useDebouncedValue(typed.trim(), 250);
  const found = useQuery({ ...companyQueries.search(slug, debounced), placeholderData: (previous) => previous });

  const options = new Map<string, string>();
  if (selected.data) options.set(selected.data.id, label(selected.data));
  for (const c of found.data ?? []) options.set(c.id, label(c));

  return (
    <Select
      {...props}
      data={[...options].map(([id, label]) => ({ value: id, label }))}
      value={value}
      onChange={(id) => onChange(id)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered by the typed prefix; filtering again here would hide matches on the domain.
      filter={({ options: all }) => all}
      nothingFoundMessage={found.isFetching ? 'Searching…' : 'No company starts with that'}
    />
  );
}
