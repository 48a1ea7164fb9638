import { ActionIcon, Box, Code, CopyButton, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/** How to send a lead once a key exists: the first thing most users do with one. */
export function curlCreateContact(origin: string, key = 'inf_your_key'): string {
  return [
    `curl -X POST ${origin}/api/v1/contacts \\`,
    `  -H "Authorization: Bearer ${key}" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '{"email": "jane@example.com", "first_name": "Jane"}'`,
  ].join('\n');
}

export function CurlExample({ command }: { command: string }) {
  return (
    <Box pos="relative">
      <Code block fz="xs" p="md" pr={48} style={{ textAlign: 'left', lineHeight: 1.7 }}>
        {command}
      </Code>
      <CopyButton value={command}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy command'}>
            <ActionIcon
              pos="absolute"
              top={8}
              right={8}
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              onClick={copy}
              aria-label="Copy command"
            >
              {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Box>
  );
}
