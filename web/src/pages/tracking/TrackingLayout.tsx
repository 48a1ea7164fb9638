import { Tabs } from '@mantine/core';
import { IconChartBar, IconList, IconPlugConnected, type Icon } from '@tabler/icons-react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useWorkspace } from '../../auth/workspace-context';
import { PageContainer } from '../../components/PageContainer';
import { PageHeader } from '../../components/PageHeader';

const TABS: { value: string; label: string; icon: Icon }[] = [
  { value: 'overview', label: 'Overview', icon: IconChartBar },
  { value: 'events', label: 'Events', icon: IconList },
  { value: 'setup', label: 'Set-up', icon: IconPlugConnected },
];

/** `/w/:slug/tracking/*`: the tracking module's pages, one tab each with its own URL. */
export function TrackingLayout() {
  const { slug } = useWorkspace();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = pathname.split('/')[4] || 'overview';
  return (
    <PageContainer>
      <PageHeader title="Tracking" description="Who is on your site, where visits come from, and what leads did before they converted." />
      <Tabs value={current} onChange={(tab) => tab && void navigate(tab === 'overview' ? `/w/${slug}/tracking` : `/w/${slug}/tracking/${tab}`)} keepMounted={false}>
        <Tabs.List mb="xl">
          {TABS.map(({ value, label, icon: TabIcon }) => (
            <Tabs.Tab key={value} value={value} leftSection={<TabIcon size={16} />}>
              {label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={current}>
          <Outlet />
        </Tabs.Panel>
      </Tabs>
    </PageContainer>
  );
}
