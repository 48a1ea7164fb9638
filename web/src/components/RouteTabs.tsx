import { Tabs } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import { Outlet, useLocation, useNavigate } from 'react-router';

export interface RouteTab {
  /** The path segment after `base`; the first tab's may be reached at `base` itself. */
  value: string;
  label: string;
  icon: Icon;
}

/** Tabs that are routes: each tab its own URL under `base`, only the open one's page rendered (the route's <Outlet />). */
export function RouteTabs({ base, tabs, indexTab }: { base: string; tabs: readonly RouteTab[]; indexTab?: string }) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = pathname.slice(base.length).split('/')[1] || indexTab || tabs[0]!.value;
  return (
    <Tabs value={current} onChange={(tab) => tab && void navigate(tab === indexTab ? base : `${base}/${tab}`)} keepMounted={false}>
      <Tabs.List mb="xl">
        {tabs.map(({ value, label, icon: TabIcon }) => (
          <Tabs.Tab key={value} value={value} leftSection={<TabIcon size={16} />}>
            {label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {/* Only the open tab's panel exists: hidden empty panels would still carry their tab's label. */}
      <Tabs.Panel value={current}>
        <Outlet />
      </Tabs.Panel>
    </Tabs>
  );
}
