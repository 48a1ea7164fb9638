import type { ReactNode } from 'react';
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAddressBook, IconApi, IconFileImport, IconFilterOff, IconForms, IconUserPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useCan } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { StatusMessage } from '../../components/StatusMessage';

function Way({ icon, title, description, action, soon }: { icon: ReactNode; title: string; description: string; action?: ReactNode; soon?: boolean }) {
  return (
    <Paper withBorder p="lg" style={soon ? { background: 'var(--mantine-color-gray-0)' } : undefined}>
      <Stack gap="sm" h="100%">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={36} radius="md" variant="light" color={soon ? 'gray' : 'brand'}>
            {icon}
          </ThemeIcon>
          <Text fw={600} c={soon ? 'dimmed' : undefined}>
            {title}
          </Text>
          {soon && (
            <Badge size="xs" variant="light" color="gray">
              Next release
            </Badge>
          )}
        </Group>
        <Text fz="sm" c="dimmed" style={{ flex: 1 }}>
          {description}
        </Text>
        {action}
      </Stack>
    </Paper>
  );
}

interface Props {
  canCreate: boolean;
  onCreate: () => void;
  /** The import wizard's link, once imports exist. */
  importAction?: ReactNode;
}

/** A workspace without contacts: the ways leads get in, each with its next step. */
export function ContactsEmptyState({ canCreate, onCreate, importAction }: Props) {
  const { slug } = useWorkspace();
  const manageKeys = useCan('api_keys.manage');
  return (
    <Paper withBorder p={{ base: 'lg', sm: 40 }}>
      <Stack align="center" gap={6} mb="xl" ta="center">
        <ThemeIcon size={52} radius="xl" variant="light">
          <IconAddressBook size={26} stroke={1.7} />
        </ThemeIcon>
        <Title order={3} fz="lg" mt="sm">
          No contacts yet
        </Title>
        <Text c="dimmed" fz="sm" maw={560}>
          Every lead you collect lands here with where it came from and everything it did. Bring in your first
          contacts whichever way suits you:
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Way
          icon={<IconUserPlus size={20} />}
          title="Add one by hand"
          description="For a lead from a call, an event or a business card: type their details in."
          action={
            canCreate ? (
              <Button variant="light" onClick={onCreate} leftSection={<IconUserPlus size={16} />} w="fit-content">
                New contact
              </Button>
            ) : (
              <Text fz="xs" c="dimmed">
                Your role cannot add contacts.
              </Text>
            )
          }
        />
        <Way
          icon={<IconFileImport size={20} />}
          title="Import a spreadsheet"
          description="Upload a CSV exported from another CRM, a webinar tool or a spreadsheet; columns are matched for you."
          action={importAction}
          soon={!importAction}
        />
        <Way
          icon={<IconApi size={20} />}
          title="Send them through the API"
          description="Your site's back end, automation tools and scripts create and update contacts with one HTTP request."
          action={
            manageKeys ? (
              <Button component={Link} to={`/w/${slug}/settings/api-keys`} variant="light" w="fit-content">
                Get an API key
              </Button>
            ) : undefined
          }
        />
        <Way
          icon={<IconForms size={20} />}
          title="Capture them with forms"
          description="Embed a sign-up form or publish a landing page, and every sign-up appears here with its source."
          soon
        />
      </SimpleGrid>
    </Paper>
  );
}

/** Filters that match nobody: say so, and offer the way back. */
export function NoMatchingContacts({ onClear }: { onClear: () => void }) {
  return (
    <StatusMessage
      icon={<IconFilterOff size={26} stroke={1.7} />}
      title="No contacts match these filters"
      description="Search looks at the start of first names, last names, emails and company names. Try fewer letters, or remove a filter."
      actions={
        <Button variant="light" onClick={onClear}>
          Clear filters
        </Button>
      }
    />
  );
}
