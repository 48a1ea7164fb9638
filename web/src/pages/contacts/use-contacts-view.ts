import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ContactFilters, ContactSort } from '../../api/contacts';
import { isStage } from '../../contact-fields';
import { DEFAULT_COLUMNS } from '../../components/contact-columns';

const SORTS: ContactSort[] = ['created_at', 'updated_at', 'score'];

/**
 * The table's filters live in the URL (`?q=ana&stage=mql&tag=webinar`), so a filtered view can
 * be bookmarked, shared and restored with the back button.
 */
export function useContactFilters() {
  const [params, setParams] = useSearchParams();

  const filters = useMemo<ContactFilters>(() => {
    const sort = params.get('sort') as ContactSort | null;
    const order = params.get('order');
    const stage = params.get('stage');
    return {
      q: params.get('q') ?? undefined,
      stage: stage && isStage(stage) ? stage : undefined,
      tags: params.getAll('tag'),
      owner: params.get('owner') ?? undefined,
      company: params.get('company') ?? undefined,
      list: params.get('list') ?? undefined,
      sort: sort && SORTS.includes(sort) ? sort : 'created_at',
      order: order === 'asc' ? 'asc' : 'desc',
    };
  }, [params]);

  const update = useCallback(
    (change: Partial<ContactFilters>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(change)) {
            const name = key === 'tags' ? 'tag' : key;
            next.delete(name);
            if (Array.isArray(value)) value.forEach((v) => next.append(name, v));
            else if (value) next.set(name, String(value));
          }
          if (next.get('sort') === 'created_at' && next.get('order') !== 'asc') {
            next.delete('sort');
            next.delete('order');
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const clear = useCallback(() => {
    setParams(
      (current) => {
        const next = new URLSearchParams();
        for (const key of ['sort', 'order']) if (current.get(key)) next.set(key, current.get(key)!);
        return next;
      },
      { replace: true },
    );
  }, [setParams]);

  const active = Boolean(filters.q || filters.stage || filters.tags?.length || filters.owner || filters.company || filters.list);
  return { filters, update, clear, active };
}

/** The columns a user picked, remembered per workspace in this browser. */
export function useStoredColumns(slug: string): [string[], (columns: string[]) => void] {
  const key = `inflow:${slug}:contacts:columns`;
  const read = useCallback((): string[] => {
    try {
      const stored = JSON.parse(window.localStorage.getItem(key) ?? 'null') as unknown;
      if (Array.isArray(stored) && stored.every((c) => typeof c === 'string')) return stored;
    } catch {
      // A value another version wrote, or storage turned off: fall back to the defaults.
    }
    return DEFAULT_COLUMNS;
  }, [key]);

  const [columns, setColumns] = useState<string[]>(read);
  useEffect(() => setColumns(read()), [read]);

  const save = useCallback(
    (next: string[]) => {
      setColumns(next);
      try {
        window.localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Private mode or a full quota: the choice lasts for this visit only.
      }
    },
    [key],
  );
  return [columns, save];
}
