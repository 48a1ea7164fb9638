import { AppShell, Box, Burger, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { Outlet, useLocation, useParams } from 'react-router';
import { useSession } from '../api/auth';
import { WorkspaceProvider } from '../auth/workspace-context';
import { WorkspaceNotFound } from '../pages/WorkspaceNotFound';
import { BrandMark } from './BrandMark';
import { HeaderLinks } from './HeaderLinks';
import { MainNav } from './MainNav';
import { UserMenu } from './UserMenu';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

/** The signed-in frame for `/w/:slug/*`: header with workspace and user, navbar, page. */
export function AppLayout() {
  const { slug = '' } = useParams();
  const { data: session } = useSession();
  const [navOpened, nav] = useDisclosure(false);
  const { pathname } = useLocation();

  // On small screens the navbar is a drawer: close it once the user picked a page.
  const closeNav = nav.close;
  useEffect(() => closeNav(), [pathname, closeNav]);

  const workspace = session?.workspaces.find((w) => w.slug === slug);
  if (!session || !workspace) return <WorkspaceNotFound slug={slug} />;

  return (
    <WorkspaceProvider value={{ ...workspace, user: session.user }}>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        padding={0}
      >
        <AppShell.Header px="md">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap="md" wrap="nowrap" miw={0}>
              <Burger
                opened={navOpened}
                onClick={nav.toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label="Toggle navigation"
              />
              <Box visibleFrom="sm">
                <BrandMark />
              </Box>
              <Box hiddenFrom="sm">
                <BrandMark withName={false} />
              </Box>
              <WorkspaceSwitcher workspaces={session.workspaces} current={workspace} />
            </Group>
            <Group gap="xs" wrap="nowrap">
              <HeaderLinks />
              <UserMenu user={session.user} />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar>
          <MainNav slug={workspace.slug} />
        </AppShell.Navbar>
        <AppShell.Main>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </WorkspaceProvider>
  );
}
