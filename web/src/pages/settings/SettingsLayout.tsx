import { Tabs } from '@mantine/core';
import { IconBuilding, IconForms, IconKey, IconShieldCheck, IconTimelineEvent, IconUsers, type Icon } from '@tabler/icons-react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useWorkspace } from '../../auth/workspace-context';
import { PageContainer } from '../../components/PageContainer';
import { PageHeader } from '../../components/PageHeader';

const TABS: { value: string; label: string; icon: Icon }[] = [
  { value: 'workspace', label: 'Workspace', icon: IconBuilding },
  { value: 'users', label: 'Users', icon: IconUsers },
  { value: 'roles', label: 'Roles', icon: IconShieldCheck },
  { value: 'api-keys', label: 'API keys', icon: IconKey },
  { value: 'contact-fields', label: 'Contact fields', icon: IconForms },
  { value: 'events', label: 'Event delivery', icon: IconTimelineEvent },
];

/** `/w/:slug/settings/*`: one tab per settings page, each with its own URL. */
export function SettingsLayout() {
  const { slug } = useWorkspace();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = pathname.split('/')[4] ?? 'workspace';

  return (
    <PageContainer>
      <PageHeader title="Settings" description="Your workspace, the people in it, how other systems connect to it, and what you record about contacts." />
      <Tabs value={current} onChange={(tab) => tab && void navigate(`/w/${slug}/settings/${tab}`)} keepMounted={false}>
        <Tabs.List mb="xl">
          {TABS.map(({ value, label, icon: TabIcon }) => (
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
    </PageContainer>
  );
}
