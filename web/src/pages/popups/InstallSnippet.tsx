import { useQuery } from '@tanstack/react-query';
import { popupQueries } from '../../api/popups';
import { useWorkspace } from '../../auth/workspace-context';
import { SnippetCard } from '../../components/SnippetCard';

/** The one line a site needs for every pop-up of the workspace (the same f.js that draws embedded forms). */
export function InstallSnippet() {
  const { slug } = useWorkspace();
  const snippet = useQuery(popupQueries.snippet(slug));
  return (
    <SnippetCard
      title="Install once"
      description="Put this line in the pages of your site, before </body>. Every active pop-up of the workspace then shows where its targeting says, with no other change to the site."
      snippet={snippet.data}
      label="Install snippet"
    />
  );
}
