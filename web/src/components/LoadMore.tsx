import type { ReactNode } from 'react';
import { Button, Group } from '@mantine/core';

interface Props {
  hasMore: boolean;
  loading: boolean;
  onLoad: () => void;
  /** What is shown so far ("50 companies"), on the left. */
  children?: ReactNode;
}

/** The foot of a paged table: what is shown, and a button for the next page while there is one. */
export function LoadMore({ hasMore, loading, onLoad, children }: Props) {
  if (!hasMore && !children) return null;
  return (
    <Group justify={children ? 'space-between' : 'center'} px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
      {children}
      {hasMore && (
        <Button variant="default" size="xs" loading={loading} onClick={onLoad}>
          Load more
        </Button>
      )}
    </Group>
  );
}
