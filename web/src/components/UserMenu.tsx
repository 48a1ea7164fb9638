import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLock, IconLogout } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useLogout } from '../api/auth';
import type { User } from '../api/types';
import { initials } from '../format';
import { notifyError } from '../notify';
import { ChangePasswordModal } from './ChangePasswordModal';

export function UserMenu({ user }: { user: User }) {
  const navigate = useNavigate();
  const logout = useLogout();
  const [passwordOpened, passwordModal] = useDisclosure(false);

  async function signOut() {
    try {
      await logout.mutateAsync();
      await navigate('/login', { replace: true });
    } catch (error) {
      notifyError(error, 'Could not log out');
    }
  }

  return (
    <>
      <Menu position="bottom-end" width={240} shadow="md" radius="md">
        <Menu.Target>
          <UnstyledButton aria-label="User menu" style={{ borderRadius: '50%' }}>
            <Avatar color="brand" radius="xl" size={34}>
              {initials(user.name || user.email)}
            </Avatar>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Signed in as</Menu.Label>
          <div style={{ padding: '0 12px 8px' }}>
            {user.name && (
              <Text fz="sm" fw={600} truncate>
                {user.name}
              </Text>
            )}
            <Text fz="sm" c="dimmed" truncate>
              {user.email}
            </Text>
          </div>
          <Menu.Divider />
          <Menu.Item leftSection={<IconLock size={16} />} onClick={passwordModal.open}>
            Change password
          </Menu.Item>
          <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void signOut()}>
            Log out
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal email={user.email} opened={passwordOpened} onClose={passwordModal.close} />
    </>
  );
}
