import { Skeleton } from '@mantine/core';
import { useParams } from 'react-router';
import { ModuleEmptyState } from '../components/ModuleEmptyState';
import { PageContainer } from '../components/PageContainer';
import { PageHeader } from '../components/PageHeader';
import { useModules } from '../modules';
import { NotFoundPage } from './NotFoundPage';

/** `/w/:slug/:module` for a module still to come: the page that explains it; else a 404. */
export function ModulePage() {
  const { module: path } = useParams();
  const modules = useModules();
  if (!modules) {
    return (
      <PageContainer>
        <Skeleton h={320} />
      </PageContainer>
    );
  }
  const entry = modules.find((m) => m.path === path && !m.live);
  if (!entry) return <NotFoundPage />;
  return (
    <PageContainer>
      <PageHeader title={entry.label} />
      <ModuleEmptyState module={entry} />
    </PageContainer>
  );
}
