import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import type { NewApiKey } from '../../api/types';

/** The only time a key is visible: copy it now or create another. */
export function NewApiKeyModal({ apiKey, onClose }: { apiKey: NewApiKey | null; onClose: () => void }) {
  return (
    <Modal
      opened={apiKey !== null}
      onClose={onClose}
      title={<Text fw={650}>API key created</Text>}
      size="lg"
      closeOnClickOutside={false}
    >
      {apiKey && (
        <Stack>
          <Text fz="sm">
            Use <b>{apiKey.name}</b> in the <Code>Authorization: Bearer</Code> header of your API requests.
          </Text>
          <Group gap="xs" wrap="nowrap" align="stretch">
            <Code
              block
              data-testid="new-api-key"
              fz="sm"
              style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap', display: 'flex', alignItems: 'center' }}
            >
              {apiKey.key}
            </Code>
            <CopyButton value={apiKey.key}>
              {({ copied, copy }) => (
                <Button
                  onClick={copy}
                  color={copied ? 'teal' : 'brand'}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  h="auto"
                  miw={110}
                >
                  {copied ? 'Copied' : 'Copy key'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
            Copy this key now and keep it somewhere safe. It will not be shown again — if you lose it, revoke it and
            create a new one.
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              I have copied it
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
