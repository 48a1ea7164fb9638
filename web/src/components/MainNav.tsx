import { AppShell, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { IconRocket, IconSettings, type Icon } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { MODULE_GROUPS, MODULES } from '../modules';
import classes from './MainNav.module.css';

function Item({ to, label, icon: ItemIcon, exact }: { to: string; label: string; icon: Icon; exact?: boolean }) {
  const { pathname } = useLocation();
  const active = exact ? pathname === to || pathname === `${to}/` : pathname.startsWith(to);
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

export function MainNav({ slug }: { slug: string }) {
  const base = `/w/${slug}`;
  return (
    <>
      <AppShell.Section grow component={ScrollArea} p="sm">
        <nav aria-label="Main">
          <Item to={base} label="Get started" icon={IconRocket} exact />
          {MODULE_GROUPS.map((group) => (
            <Stack key={group} gap={2} mt="lg">
              <Text className={classes.group}>{group}</Text>
              {MODULES.filter((m) => m.group === group).map((m) => (
                <Item key={m.path} to={`${base}/${m.path}`} label={m.label} icon={m.icon} />
              ))}
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
