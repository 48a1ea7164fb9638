import { Badge } from '@mantine/core';
import type { Role } from '../api/types';
import { ROLE_LABELS } from '../auth/permissions';

const ROLE_COLORS: Record<Role, string> = {
  owner: 'brand',
  admin: 'blue',
  marketer: 'teal',
  sales: 'orange',
  viewer: 'gray',
};

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge variant="light" color={ROLE_COLORS[role]} radius="sm" tt="none" fw={600}>
      {ROLE_LABELS[role] ?? role}
    </Badge>
  );
}
