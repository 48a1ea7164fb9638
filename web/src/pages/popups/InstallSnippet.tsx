import { Button, Code, CopyButton, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { popupQueries } from '../../api/popups';
import { useWorkspace } from '../../auth/workspace-context';

/** The one line a site needs for every pop-up of the workspace (the same f.js that draws embedded forms). */
export function InstallSnippet() {
  const { slug } = useWorkspace();
  const snippet = useQuery(popupQueries.snippet(slug));
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={4} fz="sm">
              Install once
            </Title>
            <Text fz="xs" c="dimmed">
              Put this line in the pages of your site, before &lt;/body&gt;. Every active pop-up of the workspace then shows where its targeting says, with no other change to the site.
            </Text>
          </div>
          <CopyButton value={snippet.data ?? ''}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" style={{ flexShrink: 0 }} disabled={!snippet.data} color={copied ? 'teal' : undefined} leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />} onClick={copy}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
        {snippet.data ? (
          <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} aria-label="Install snippet">
            {snippet.data}
          </Code>
        ) : (
          <Skeleton h={40} />
        )}
      </Stack>
    </Paper>
  );
}
