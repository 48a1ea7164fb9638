import { useState } from 'react';
import { Alert, Box, Grid, List, SegmentedControl, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { pageQueries } from '../../../api/pages';
import { useCan } from '../../../auth/permissions';
import { useWorkspace } from '../../../auth/workspace-context';
import { BackLink } from '../../../components/BackLink';
import { PageContainer } from '../../../components/PageContainer';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { StatusBadge } from '../PagesPage';
import { BLOCK_KINDS } from './block-kinds';
import { BlockEditor } from './BlockEditor';
import { BlockList } from './BlockList';
import { PageActions } from './PageActions';
import { PagePreview } from './PagePreview';
import { PageSettings } from './PageSettings';
import { PageVersions } from './PageVersions';
import { usePageEditor, type PageEditor } from './use-page-editor';

/** The server's notices (`draft.blocks.2.form_id`: a form since deleted) by block index. */
function noticesByBlock(notices: ReadonlyArray<{ field: string; message: string }>): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const n of notices) {
    const index = Number(/^draft\.blocks\.(\d+)/.exec(n.field)?.[1] ?? -1);
    out.set(index, [...(out.get(index) ?? []), n.message]);
  }
  return out;
}

function EditPane({ editor, readOnly }: { editor: PageEditor; readOnly: boolean }) {
  const [pane, setPane] = useState<'blocks' | 'settings'>('blocks');
  const draft = editor.draft!;
  const page = editor.page!;
  // Notices name blocks by their place in the saved draft: shown on the block while nothing has moved.
  const notices = noticesByBlock(page.notices);
  const index = draft.blocks.findIndex((i) => i.uid === editor.selected);
  const item = index >= 0 ? draft.blocks[index] : undefined;
  const settingsProblems = Object.keys(editor.problems.page).length;
  const blockProblems = Object.keys(editor.problems.blocks).filter((uid) => Object.keys(editor.problems.blocks[uid]!).length > 0).length;
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 5, xl: 4 }}>
        <Stack gap="md">
          {editor.problems.general.length > 0 && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Before this page can be published">
              <List size="sm">{editor.problems.general.map((p) => <List.Item key={p}>{p}</List.Item>)}</List>
            </Alert>
          )}
          {page.notices.length > 0 && (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="This page needs attention">
              <List size="sm">
                {[...notices].map(([i, messages]) => messages.map((m) => (
                  <List.Item key={`${i}${m}`}>{i >= 0 && page.draft.blocks[i] ? `Block ${i + 1} (${BLOCK_KINDS[page.draft.blocks[i]!.type].label}) ${m}` : m}</List.Item>
                )))}
              </List>
            </Alert>
          )}
          <SegmentedControl
            value={pane}
            onChange={(v) => setPane(v as 'blocks' | 'settings')}
            aria-label="Edit"
            data={[
              { value: 'blocks', label: blockProblems ? `Blocks (${blockProblems} to fix)` : 'Blocks' },
              { value: 'settings', label: settingsProblems ? `Page settings (${settingsProblems} to fix)` : 'Page settings' },
            ]}
          />
          {pane === 'settings' ? (
            <PageSettings editor={editor} readOnly={readOnly} />
          ) : item ? (
            <BlockEditor key={item.uid} editor={editor} item={item} index={index} notices={editor.dirty ? [] : (notices.get(index) ?? [])} readOnly={readOnly} />
          ) : (
            <BlockList editor={editor} readOnly={readOnly} />
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7, xl: 8 }}>
        <Box pos="sticky" top={16}>
          <PagePreview pageId={page.id} definition={editor.definition!} enabled={!readOnly} />
        </Box>
      </Grid.Col>
    </Grid>
  );
}

/** One landing or thank-you page: its blocks and settings beside a live preview, and its versions. */
export function PageEditorPage() {
  const { slug } = useWorkspace();
  const { id = '' } = useParams();
  const manage = useCan('marketing.write');
  const page = useQuery(pageQueries.one(slug, id));
  const editor = usePageEditor(slug, page.data);

  if (page.isError) return <QueryError error={page.error} onRetry={() => void page.refetch()} />;
  if (!page.data || !editor.draft) return <Skeleton h={400} />;
  const p = page.data;
  return (
    <PageContainer wide>
      <Stack gap={4} mb="xs">
        <BackLink to={`/w/${slug}/pages`}>Landing pages</BackLink>
      </Stack>
      <PageHeader
        title={p.name}
        description={
          <Text span fz="sm" c="dimmed">
            <StatusBadge page={p} /> {p.host ? `https://${p.host}` : ''}/p/{p.slug}
            {!manage && ' · You can look but not change this page.'}
          </Text>
        }
        actions={manage && <PageActions editor={editor} />}
      />
      <Tabs defaultValue="edit" keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="edit">Edit</Tabs.Tab>
          <Tabs.Tab value="versions">Versions</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="edit">
          <EditPane editor={editor} readOnly={!manage} />
        </Tabs.Panel>
        <Tabs.Panel value="versions">
          <PageVersions editor={editor} manage={manage} />
        </Tabs.Panel>
      </Tabs>
    </PageContainer>
  );
}
