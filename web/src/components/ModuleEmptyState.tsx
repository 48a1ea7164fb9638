import { Anchor, Badge, EmptyState, Paper, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { API_DOCS_URL, moduleIcon, type ModuleEntry } from '../modules';

/** What a module that has not shipped yet will do, and what to use in the meantime. */
export function ModuleEmptyState({ module }: { module: ModuleEntry }) {
  const ModuleIcon = moduleIcon(module.icon);
  return (
    <Paper withBorder py={72} px="xl">
      <EmptyState
        icon={<ModuleIcon size={26} stroke={1.7} />}
        variant="light"
        size="md"
        maw={520}
        mx="auto"
        title={module.title}
        description={module.description}
      >
        <EmptyState.Actions>
          <Badge variant="light" color="brand" size="md" radius="sm" tt="none">
            Coming in a later release
          </Badge>
        </EmptyState.Actions>
        <Text fz="sm" c="dimmed" ta="center" mt="lg">
          Meanwhile: use the REST API —{' '}
          <Anchor href={API_DOCS_URL} target="_blank" rel="noreferrer" fz="sm" inline>
            see API reference <IconExternalLink size={13} style={{ verticalAlign: '-2px' }} />
          </Anchor>
        </Text>
      </EmptyState>
    </Paper>
  );
}
