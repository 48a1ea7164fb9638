import { AppShell, NavLink, ScrollArea, Skeleton, Stack, Text } from '@mantine/core';
import { IconRocket, IconSettings, type Icon } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { MODULE_GROUPS, moduleIcon, useModules } from '../modules';
import classes from './MainNav.module.css';

/** `within`: entries under this one (Capture › Assets), which take the highlight on their own pages. */
function Item({ to, label, icon: ItemIcon, exact, within = [] }: { to: string; label: string; icon: Icon; exact?: boolean; within?: string[] }) {
  const { pathname } = useLocation();
  const active = exact ? pathname === to || pathname === `${to}/` : pathname.startsWith(to) && !within.some((inner) => pathname.startsWith(inner));
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      active={active}
      aria-current={active ? 'page' : undefined}
      leftSection={<ItemIcon size={18} stroke={1.7} />}
      className={classes.link}
    />
  );
}

/** The navbar: one entry per module the server's registry lists, by group. */
export function MainNav({ slug }: { slug: string }) {
  const base = `/w/${slug}`;
  const modules = useModules();
  return (
    <>
      <AppShell.Section grow component={ScrollArea} p="sm">
        <nav aria-label="Main">
          <Item to={base} label="Get started" icon={IconRocket} exact />
          {MODULE_GROUPS.map((group) => (
            <Stack key={group} gap={2} mt="lg">
              <Text className={classes.group}>{group}</Text>
              {modules
                ? modules.filter((m) => m.group === group).map((m) => (
                    <Item
                      key={m.path}
                      to={`${base}/${m.path}`}
                      label={m.label}
                      icon={moduleIcon(m.icon)}
                      within={modules.filter((inner) => inner.path.startsWith(`${m.path}/`)).map((inner) => `${base}/${inner.path}`)}
                    />
                  ))
                : [0, 1, 2].map((i) => <Skeleton key={i} h={30} my={2} />)}
            </Stack>
          ))}
        </nav>
      </AppShell.Section>
      <AppShell.Section p="sm" className={classes.footer}>
        <Item to={`${base}/settings`} label="Settings" icon={IconSettings} />
      </AppShell.Section>
    </>
  );
}
