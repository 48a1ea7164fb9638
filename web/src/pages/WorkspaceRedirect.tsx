import { Button } from '@mantine/core';
import { IconBuilding } from '@tabler/icons-react';
import { Navigate } from 'react-router';
import { logout, useSession } from '../api/auth';
import { StatusMessage } from '../components/StatusMessage';

/** `/`: open the user's first workspace, or explain that they have none yet. */
export function WorkspaceRedirect() {
  const { data: session } = useSession();
  const first = session?.workspaces[0];
  if (first) return <Navigate to={`/w/${first.slug}`} replace />;

  async function signOut() {
    await logout().catch(() => undefined);
    window.location.assign('/login');
  }

  return (
    <StatusMessage
      fullPage
      icon={<IconBuilding size={28} />}
      title="You are not in a workspace yet"
      description={`Ask a workspace owner or admin to add ${session?.user.email ?? 'you'}, then sign in again.`}
      actions={
        <Button variant="default" onClick={() => void signOut()}>
          Log out
        </Button>
      }
    />
  );
}
