import { Badge } from '@mantine/core';
import type { Form } from '../../api/forms';

export function FormStatusBadge({ form }: { form: Form }) {
  if (form.status === 'archived') return <Badge color="gray" variant="light" radius="sm" tt="none">Archived</Badge>;
  if (form.live_version === null) return <Badge color="gray" variant="light" radius="sm" tt="none">Draft</Badge>;
  return (
    <Badge color="teal" variant="light" radius="sm" tt="none">
      Live · version {form.live_version}
    </Badge>
  );
}
