import { Badge } from '@mantine/core';
import type { ImportStatus } from '../../api/imports';

const LOOK: Record<ImportStatus, { label: string; color: string }> = {
  draft: { label: 'Waiting for mapping', color: 'gray' },
  queued: { label: 'Queued', color: 'blue' },
  running: { label: 'Importing', color: 'blue' },
  done: { label: 'Done', color: 'teal' },
  failed: { label: 'Stopped', color: 'red' },
  cancelled: { label: 'Cancelled', color: 'gray' },
};

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const look = LOOK[status] ?? { label: status, color: 'gray' };
  return (
    <Badge variant="light" color={look.color} radius="sm" tt="none" fw={600} miw="max-content">
      {look.label}
    </Badge>
  );
}
