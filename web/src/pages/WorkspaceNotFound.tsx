import { Button, Group } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useSession } from '../api/auth';
import { StatusMessage } from '../components/StatusMessage';

/** `/w/<slug>` for a workspace that does not exist or that the user is not a member of. */
export function WorkspaceNotFound({ slug }: { slug: string }) {
  const { data: session } = useSession();
  const first = session?.workspaces[0];
  return (
    <StatusMessage
      fullPage
      icon={<IconLock size={28} />}
      title="Workspace not available"
      description={`There is no workspace “${slug}”, or you are not a member of it. Ask its owner to add you.`}
      actions={
        <Group>
          {first && (
            <Button component={Link} to={`/w/${first.slug}`}>
              Open {first.name}
            </Button>
          )}
        </Group>
      }
    />
  );
}
