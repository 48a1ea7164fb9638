import { Button, Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuilding, IconPlus } from '@tabler/icons-react';
import { Navigate } from 'react-router';
import { logout, useSession } from '../api/auth';
import { CreateWorkspaceModal } from '../components/CreateWorkspaceModal';
import { MyInvitations } from '../components/MyInvitations';
import { StatusMessage } from '../components/StatusMessage';

/** `/`: open the user's first workspace, or let them accept an invitation, create one, or wait to be invited. */
export function WorkspaceRedirect() {
  const { data: session } = useSession();
  const [creating, createModal] = useDisclosure(false);
  const first = session?.workspaces[0];
  if (first) return <Navigate to={`/w/${first.slug}`} replace />;

  async function signOut() {
    await logout().catch(() => undefined);
    window.location.assign('/login');
  }

  return (
    <>
      <StatusMessage
        fullPage
        icon={<IconBuilding size={26} />}
        title="You are not in a workspace yet"
        description={`Accept an invitation, create a workspace for your brand or client, or ask a workspace owner to invite ${session?.user.email ?? 'you'}.`}
        actions={
          <Stack align="center">
            <MyInvitations />
            <Group>
              <Button variant="default" onClick={() => void signOut()}>
                Log out
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
                Create workspace
              </Button>
            </Group>
          </Stack>
        }
      />
      <CreateWorkspaceModal opened={creating} onClose={createModal.close} />
    </>
  );
}
