import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconPlus, IconSelector } from '@tabler/icons-react';
import { useLocation, useNavigate } from 'react-router';
import type { SessionWorkspace } from '../api/types';
import { ROLE_LABELS } from '../auth/permissions';
import { initials } from '../format';
import { CreateWorkspaceModal } from './CreateWorkspaceModal';
import classes from './WorkspaceSwitcher.module.css';

interface Props {
  workspaces: SessionWorkspace[];
  current: SessionWorkspace;
}

/** Header menu: jump to another workspace on the same page, or create one. */
export function WorkspaceSwitcher({ workspaces, current }: Props) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [creating, createModal] = useDisclosure(false);

  // Keep the user where they are: /w/a/settings/users → /w/b/settings/users.
  const rest = pathname.replace(/^\/w\/[^/]+/, '');
  const switchTo = (slug: string) => navigate(`/w/${slug}${rest}`);

  return (
    <>
      <Menu position="bottom-start" width={280} shadow="md" radius="md">
        <Menu.Target>
          <UnstyledButton className={classes.target} aria-label={`Workspace: ${current.name}`}>
            <Group gap={10} wrap="nowrap">
              <Avatar size={26} radius="sm" color="brand" variant="light">
                {initials(current.name)}
              </Avatar>
              <Text fw={600} fz="sm" truncate maw={{ base: 120, sm: 220 }}>
                {current.name}
              </Text>
              <IconSelector size={16} color="var(--mantine-color-gray-5)" />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Workspaces</Menu.Label>
          {workspaces.map((w) => (
            <Menu.Item
              key={w.slug}
              onClick={() => switchTo(w.slug)}
              leftSection={
                <Avatar size={24} radius="sm" color="brand" variant="light">
                  {initials(w.name)}
                </Avatar>
              }
              rightSection={w.slug === current.slug ? <IconCheck size={16} /> : null}
            >
              <Text fz="sm" fw={500} truncate>
                {w.name}
              </Text>
              <Text fz="xs" c="dimmed">
                {ROLE_LABELS[w.role]} · {w.slug}
              </Text>
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconPlus size={16} />} onClick={createModal.open}>
            Create workspace
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <CreateWorkspaceModal opened={creating} onClose={createModal.close} />
    </>
  );
}
