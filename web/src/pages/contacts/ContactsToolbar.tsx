import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, CloseButton, Group, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowsSort, IconSearch, IconX } from '@tabler/icons-react';
import type { ContactFilters } from '../../api/contacts';
import type { Member } from '../../api/types';
import { STAGE_OPTIONS } from '../../contact-fields';

const SORT_OPTIONS = [
  { value: 'created_at:desc', label: 'Newest first' },
  { value: 'created_at:asc', label: 'Oldest first' },
  { value: 'updated_at:desc', label: 'Recently updated' },
  { value: 'updated_at:asc', label: 'Least recently updated' },
  { value: 'score:desc', label: 'Highest score' },
  { value: 'score:asc', label: 'Lowest score' },
];

interface Props {
  filters: ContactFilters;
  onChange: (change: Partial<ContactFilters>) => void;
  onClear: () => void;
  active: boolean;
  members: Member[];
  tagSuggestions: string[];
  /** Filters that exist only when their module does (companies, lists). */
  extraFilters?: ReactNode;
  columns: ReactNode;
}

/** Search, filters, sort and columns above the contacts table; every filter runs on the server. */
export function ContactsToolbar({ filters, onChange, onClear, active, members, tagSuggestions, extraFilters, columns }: Props) {
  const [search, setSearch] = useState(filters.q ?? '');
  const [debounced] = useDebouncedValue(search, 300);

  // Typing waits for a pause before it asks the server. The URL is the source of truth: when it
  // changes from elsewhere (back button, "Clear filters"), the box follows; the box's own
  // pushes are remembered so a slow round trip never overwrites what is being typed.
  const pushed = useRef(filters.q ?? '');
  useEffect(() => {
    const q = debounced.trim();
    if (q === pushed.current) return;
    pushed.current = q;
    onChange({ q: q || undefined });
  }, [debounced, onChange]);
  useEffect(() => {
    const q = filters.q ?? '';
    if (q === pushed.current) return;
    pushed.current = q;
    setSearch(q);
  }, [filters.q]);

  const ownerOptions = [
    { value: 'none', label: 'Unassigned' },
    ...members.map((m) => ({ value: m.user_id, label: m.name || m.email })),
  ];

  return (
    <Stack gap="sm" mb="md">
      <Group justify="space-between" gap="sm">
        <Group gap="sm" style={{ flex: 1 }} miw={0}>
          <TextInput
            aria-label="Search contacts"
            placeholder="Search by name, email or company"
            leftSection={<IconSearch size={16} />}
            rightSection={search ? <CloseButton size="sm" aria-label="Clear search" onClick={() => setSearch('')} /> : null}
            w={{ base: '100%', sm: 360 }}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          {active && (
            <Button
              variant="subtle"
              color="gray"
              leftSection={<IconX size={14} />}
              onClick={() => {
                setSearch('');
                onClear();
              }}
            >
              Clear filters
            </Button>
          )}
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Select
            aria-label="Sort contacts"
            leftSection={<IconArrowsSort size={16} />}
            data={SORT_OPTIONS}
            value={`${filters.sort ?? 'created_at'}:${filters.order ?? 'desc'}`}
            allowDeselect={false}
            onChange={(value) => {
              if (!value) return;
              const [sort, order] = value.split(':') as [ContactFilters['sort'], ContactFilters['order']];
              onChange({ sort, order });
            }}
            w={210}
          />
          {columns}
        </Group>
      </Group>
      <Group gap="xs">
        <Select
          aria-label="Lifecycle stage"
          placeholder="Any stage"
          size="xs"
          data={STAGE_OPTIONS}
          value={filters.stage ?? null}
          onChange={(stage) => onChange({ stage: stage ?? undefined })}
          clearable
          w={140}
        />
        <TagsInput
          aria-label="Tags"
          placeholder={filters.tags?.length ? undefined : 'Any tags'}
          size="xs"
          data={tagSuggestions}
          value={filters.tags ?? []}
          onChange={(tags) => onChange({ tags })}
          clearable
          w={220}
          maxDropdownHeight={240}
        />
        <Select
          aria-label="Owner"
          placeholder="Any owner"
          size="xs"
          data={ownerOptions}
          value={filters.owner ?? null}
          onChange={(owner) => onChange({ owner: owner ?? undefined })}
          clearable
          searchable
          w={160}
        />
        {extraFilters}
      </Group>
    </Stack>
  );
}
