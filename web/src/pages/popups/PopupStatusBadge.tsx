import { Badge } from '@mantine/core';
import type { Popup, PopupListItem } from '../../api/popups';

export function PopupStatusBadge({ popup }: { popup: Pick<Popup | PopupListItem, 'status'> }) {
  if (popup.status === 'active') return <Badge color="teal" variant="light" radius="sm" tt="none" miw="max-content">Active</Badge>;
  if (popup.status === 'paused') return <Badge color="yellow" variant="light" radius="sm" tt="none" miw="max-content">Paused</Badge>;
  return <Badge color="gray" variant="light" radius="sm" tt="none" miw="max-content">Draft</Badge>;
}
