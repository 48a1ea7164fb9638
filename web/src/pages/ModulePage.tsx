import { ModuleEmptyState } from '../components/ModuleEmptyState';
import { PageContainer } from '../components/PageContainer';
import { PageHeader } from '../components/PageHeader';
import type { ProductModule } from '../modules';

export function ModulePage({ module }: { module: ProductModule }) {
  return (
    <PageContainer>
      <PageHeader title={module.label} />
      <ModuleEmptyState module={module} />
    </PageContainer>
  );
}
