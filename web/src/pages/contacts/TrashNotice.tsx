import { Alert, Anchor } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { trashQuery } from '../../api/trash';
import { useWorkspace } from '../../auth/workspace-context';

/**
 * Over an empty contacts page: the way back when every contact was deleted (the page's menu,
 * which links to the trash, is not shown while there are none).
 */
export function TrashNotice() {
  const { slug } = useWorkspace();
  const trash = useInfiniteQuery(trashQuery(slug));
  if (!trash.data?.pages[0]?.data.length) return null;
  return (
    <Alert variant="light" color="gray" icon={<IconTrash size={18} />} mb="md">
      Deleted contacts wait in the trash for 30 days.{' '}
      <Anchor component={Link} to={`/w/${slug}/contacts/trash`} fz="sm" fw={600}>
        Open the trash
      </Anchor>
    </Alert>
  );
}
