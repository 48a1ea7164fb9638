import { Code, CopyButton, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

function Snippet({ title, description, code }: { title: string; description: string; code: string }) {
  return (
    <Stack gap={6}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={4} fz="sm">
            {title}
          </Title>
          <Text fz="xs" c="dimmed">
            {description}
          </Text>
        </div>
        <CopyButton value={code}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" color={copied ? 'teal' : undefined} leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />} onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {code}
      </Code>
    </Stack>
  );
}

/** How to put the form on a site: the script where it should appear, or a placeholder anywhere. */
export function EmbedCodes({ id, live }: { id: string; live: boolean }) {
  const origin = window.location.origin;
  return (
    <Stack gap="lg">
      {!live && (
        <Text fz="sm" c="orange.8">
          Publish the form first: sites show its published version, and this one is still a draft.
        </Text>
      )}
      <Snippet
        title="Script"
        description="Paste it where the form should appear. It works on any site, under a strict Content-Security-Policy too."
        code={`<script src="${origin}/f.js" data-form="${id}" async></script>`}
      />
      <Snippet
        title="Placeholder"
        description="Put the element where the form goes and load the script once, anywhere on the page (several forms can share it)."
        code={`<div data-inflow-form-id="${id}"></div>\n<script src="${origin}/f.js" async></script>`}
      />
      <Text fz="xs" c="dimmed">
        Styling, CSP and the other ways to embed: see “Embedding forms” in the documentation.
      </Text>
    </Stack>
  );
}
