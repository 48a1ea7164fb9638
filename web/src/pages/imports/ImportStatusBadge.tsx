import { Badge } from '@mantine/core';
import type { ContactImport, ImportStatus } from '../../api/imports';
import { plural } from '../../format';

const LOOK: Record<ImportStatus, { label: string; color: string }> = {
  draft: { label: 'Waiting for mapping', color: 'gray' },
  queued: { label: 'Queued', color: 'blue' },
  running: { label: 'Importing', color: 'blue' },
  done: { label: 'Done', color: 'teal' },
  failed: { label: 'Stopped', color: 'red' },
  cancelled: { label: 'Cancelled', color: 'gray' },
};

/** The import's state; a finished one says how many rows failed or were kept with a warning. */
export function ImportStatusBadge({ imp }: { imp: Pick<ContactImport, 'status' | 'rows_failed' | 'rows_warned'> }) {
  let look = LOOK[imp.status] ?? { label: imp.status, color: 'gray' };
  if (imp.status === 'done' && imp.rows_failed > 0) look = { label: `Done with ${plural(imp.rows_failed, 'error')}`, color: 'orange' };
  else if (imp.status === 'done' && imp.rows_warned > 0) look = { label: `Done with ${plural(imp.rows_warned, 'warning')}`, color: 'yellow' };
  return (
    <Badge variant="light" color={look.color} radius="sm" tt="none" fw={600} miw="max-content">
      {look.label}
    </Badge>
  );
}
