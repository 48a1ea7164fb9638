import { useQuery } from '@tanstack/react-query';
import { formQueries, useRestoreVersion } from '../../../api/forms';
import { useWorkspace } from '../../../auth/workspace-context';
import { VersionsTable } from '../../../components/VersionsTable';
import { notifyError, notifySuccess } from '../../../notify';
import type { DraftEditor } from './use-draft-editor';

/** The form's published versions; restoring one copies it into the builder's draft. */
export function VersionsPanel({ editor, manage }: { editor: DraftEditor; manage: boolean }) {
  const { slug } = useWorkspace();
  const form = editor.form!;
  const versions = useQuery(formQueries.versions(slug, form.id));
  const restore = useRestoreVersion(slug, form.id);
  const onRestore = (version: number) =>
    restore.mutateAsync({ version, draft_revision: form.draft_revision }).then(
      (restored) => {
        editor.adopt(restored);
        notifySuccess(`Version ${version} is in the draft: publish it to put it live`);
      },
      (error: unknown) => notifyError(error, 'Could not restore the version'),
    );
  return (
    <VersionsTable
      versions={versions}
      what="form"
      emptyText="Each time you publish, the form is kept as a version: sites that show an older one keep working, and you can bring any version back into the draft."
      manage={manage}
      dirty={editor.dirty}
      restoring={restore.isPending}
      onRestore={onRestore}
    />
  );
}
