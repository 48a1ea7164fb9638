import { IconChartBar, IconList, IconPlugConnected } from '@tabler/icons-react';
import { useWorkspace } from '../../auth/workspace-context';
import { PageContainer } from '../../components/PageContainer';
import { PageHeader } from '../../components/PageHeader';
import { RouteTabs, type RouteTab } from '../../components/RouteTabs';

const TABS: RouteTab[] = [
  { value: 'overview', label: 'Overview', icon: IconChartBar },
  { value: 'events', label: 'Events', icon: IconList },
  { value: 'setup', label: 'Set-up', icon: IconPlugConnected },
];

/** `/w/:slug/tracking/*`: the tracking module's pages, one tab each with its own URL (the overview at the module's own). */
export function TrackingLayout() {
  const { slug } = useWorkspace();
  return (
    <PageContainer>
      <PageHeader title="Tracking" description="Who is on your site, where visits come from, and what leads did before they converted." />
      <RouteTabs base={`/w/${slug}/tracking`} tabs={TABS} indexTab="overview" />
    </PageContainer>
  );
}
