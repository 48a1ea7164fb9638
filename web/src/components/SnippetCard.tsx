import { Button, Code, CopyButton, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** A piece of HTML or code to paste somewhere else, with what it is for and a copy button (a skeleton until it has loaded). */
export function SnippetCard({ title, description, snippet, label, children }: { title: string; description: ReactNode; snippet: string | undefined; label: string; children?: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={4} fz="sm">
              {title}
            </Title>
            <Text fz="xs" c="dimmed">
              {description}
            </Text>
          </div>
          <CopyButton value={snippet ?? ''}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" style={{ flexShrink: 0 }} disabled={!snippet} color={copied ? 'teal' : undefined} leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />} onClick={copy}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
        {snippet ? (
          <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} aria-label={label}>
            {snippet}
          </Code>
        ) : (
          <Skeleton h={40} />
        )}
        {children}
      </Stack>
    </Paper>
  );
}
