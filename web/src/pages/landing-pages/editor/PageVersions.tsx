import { useQuery } from '@tanstack/react-query';
import { pageQueries, useRestorePageVersion } from '../../../api/pages';
import { useWorkspace } from '../../../auth/workspace-context';
import { VersionsTable } from '../../../components/VersionsTable';
import { notifyError, notifySuccess } from '../../../notify';
import type { PageEditor } from './use-page-editor';

/** The page's published versions; restoring one copies it into the editor's draft. */
export function PageVersions({ editor, manage }: { editor: PageEditor; manage: boolean }) {
  const { slug } = useWorkspace();
  const page = editor.page!;
  const versions = useQuery(pageQueries.versions(slug, page.id));
  const restore = useRestorePageVersion(slug, page.id);
  const onRestore = (version: number) =>
    restore.mutateAsync(version).then(
      (restored) => {
        editor.adopt(restored);
        notifySuccess(`Version ${version} is in the draft: publish it to put it live`);
      },
      (error: unknown) => notifyError(error, 'Could not restore the version'),
    );
  return (
    <VersionsTable
      versions={versions}
      what="page"
      emptyText="Each time you publish, the page is kept as a version, and you can bring any version back into the draft."
      manage={manage}
      dirty={editor.dirty}
      restoring={restore.isPending}
      onRestore={onRestore}
    />
  );
}
