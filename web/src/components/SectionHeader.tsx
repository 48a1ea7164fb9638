import type { ReactNode } from 'react';
import { Group, Stack, Text, Title } from '@mantine/core';

/** Heading of a settings section: title, one line of context, actions on the right. */
export function SectionHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end" gap="md" mb="md">
      <Stack gap={2}>
        <Title order={3} fz="lg">
          {title}
        </Title>
        {description && (
          <Text fz="sm" c="dimmed">
            {description}
          </Text>
        )}
      </Stack>
      {actions}
    </Group>
  );
}
