import type { ReactNode } from 'react';
import { Badge, Flex, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';

interface Props {
  number: number;
  title: string;
  description: string;
  done?: boolean;
  soon?: boolean;
  action?: ReactNode;
}

/** One row of the getting-started checklist; on phones the action moves under the text. */
export function SetupStep({ number, title, description, done, soon, action }: Props) {
  return (
    <Paper withBorder p="lg" style={soon ? { background: 'var(--mantine-color-gray-0)' } : undefined}>
      <Group wrap="nowrap" align="flex-start" gap="md">
        <ThemeIcon
          size={32}
          radius="xl"
          variant={done ? 'filled' : 'light'}
          color={done ? 'teal' : soon ? 'gray' : 'brand'}
          aria-label={done ? 'Done' : `Step ${number}`}
        >
          {done ? <IconCheck size={18} stroke={2.5} /> : <Text fw={700} fz="sm">{number}</Text>}
        </ThemeIcon>
        <Flex
          style={{ flex: 1 }}
          direction={{ base: 'column', sm: 'row' }}
          align={{ base: 'flex-start', sm: 'center' }}
          justify="space-between"
          gap="md"
        >
          <Stack gap={4}>
            <Group gap="xs">
              <Text fw={600} c={soon ? 'dimmed' : undefined}>
                {title}
              </Text>
              {soon && (
                <Badge size="xs" variant="light" color="gray">
                  Next release
                </Badge>
              )}
            </Group>
            <Text fz="sm" c="dimmed">
              {description}
            </Text>
          </Stack>
          {action && <div style={{ flexShrink: 0 }}>{action}</div>}
        </Flex>
      </Group>
    </Paper>
  );
}
