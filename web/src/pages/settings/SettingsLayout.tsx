import { IconBuilding, IconForms, IconKey, IconShieldCheck, IconTimelineEvent, IconUsers } from '@tabler/icons-react';
import { useWorkspace } from '../../auth/workspace-context';
import { PageContainer } from '../../components/PageContainer';
import { PageHeader } from '../../components/PageHeader';
import { RouteTabs, type RouteTab } from '../../components/RouteTabs';

const TABS: RouteTab[] = [
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
  return (
    <PageContainer>
      <PageHeader title="Settings" description="Your workspace, the people in it, how other systems connect to it, and what you record about contacts." />
      <RouteTabs base={`/w/${slug}/settings`} tabs={TABS} />
    </PageContainer>
  );
}
