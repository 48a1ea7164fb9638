import type { ReactNode } from 'react';
import { Table } from '@mantine/core';
import { useNavigate } from 'react-router';

/** A table row that opens its record when clicked anywhere but on a link or control of its own. */
export function LinkRow({ to, children }: { to: string; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <Table.Tr
      style={{ cursor: 'pointer' }}
      onClick={(event) => {
        if (!(event.target as HTMLElement).closest('a, input, button, label')) void navigate(to);
      }}
    >
      {children}
    </Table.Tr>
  );
}
