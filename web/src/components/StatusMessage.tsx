import type { ReactNode } from 'react';
import { Box, Center, EmptyState, Stack } from '@mantine/core';
import { BrandMark } from './BrandMark';

interface Props {
  icon: ReactNode;
  title: string;
  description: ReactNode;
  actions?: ReactNode;
  /** Outside the app shell: centre on the screen under the logo. */
  fullPage?: boolean;
  color?: string;
}

/** Errors, 404s and "nothing here" messages: one look everywhere. */
export function StatusMessage({ icon, title, description, actions, fullPage, color }: Props) {
  const message = (
    <EmptyState
      icon={icon}
      title={title}
      description={description}
      variant="light"
      color={color ?? 'brand'}
      size="md"
      maw={480}
      mx="auto"
    >
      {actions && <EmptyState.Actions>{actions}</EmptyState.Actions>}
    </EmptyState>
  );
  if (!fullPage) return <Box py={80}>{message}</Box>;
  return (
    <Center mih="100vh" p="md">
      <Stack align="center" gap={40}>
        <BrandMark />
        {message}
      </Stack>
    </Center>
  );
}
