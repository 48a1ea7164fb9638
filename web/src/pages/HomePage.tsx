import { Anchor, Button, Grid, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconBook, IconCode } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { apiKeysQuery } from '../api/api-keys';
import { membersQuery } from '../api/members';
import { useCan } from '../auth/permissions';
import { useWorkspace } from '../auth/workspace-context';
import { PageContainer } from '../components/PageContainer';
import { PageHeader } from '../components/PageHeader';
import { RoleBadge } from '../components/RoleBadge';
import { SetupStep } from '../components/SetupStep';
import { MyInvitations } from '../components/MyInvitations';
import { API_DOCS_URL } from '../modules';

const LIVE_STEPS = 2;

export function HomePage() {
  const workspace = useWorkspace();
  const base = `/w/${workspace.slug}`;
  // These only tick the checklist: a role that may not list them simply sees the steps open.
  const manageKeys = useCan('api_keys.manage');
  const manageMembers = useCan('members.manage');
  const keys = useQuery({ ...apiKeysQuery(workspace.slug), enabled: manageKeys, retry: false });
  const members = useQuery(membersQuery(workspace.slug));

  const hasKey = (keys.data ?? []).some((k) => !k.revoked_at);
  const hasTeam = (members.data?.length ?? 0) > 1;
  const done = Number(hasKey) + Number(hasTeam);
  const firstName = workspace.user.name?.split(' ')[0];

  const stepAction = (allowed: boolean, to: string, label: string) =>
    allowed ? (
      <Button component={Link} to={to} variant="light" rightSection={<IconArrowRight size={16} />}>
        {label}
      </Button>
    ) : (
      <Text fz="xs" c="dimmed" maw={140} ta="right">
        Ask an owner or admin
      </Text>
    );

  return (
    <PageContainer>
      <PageHeader
        title={firstName ? `Welcome, ${firstName}` : 'Welcome to Inflow'}
        description={`Get ${workspace.name} ready to collect leads. Two steps take a minute today; forms and tracking arrive in the next releases.`}
      />
      <MyInvitations />
      <Grid gap="xl" mt="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="sm">
            <Group justify="space-between" mb={4}>
              <Title order={3} fz="md">
                Go live checklist
              </Title>
              <Text fz="sm" c="dimmed">
                {done} of {LIVE_STEPS} available steps done
              </Text>
            </Group>
            <Progress value={(done / LIVE_STEPS) * 100} size="sm" mb="sm" aria-label="Checklist progress" />
            <SetupStep
              number={1}
              title="Create an API key"
              description="Send leads from your website, another CRM or a script through the REST API."
              done={hasKey}
              action={stepAction(manageKeys, `${base}/settings/api-keys`, 'API keys')}
            />
            <SetupStep
              number={2}
              title="Invite your teammates"
              description="Invite marketers and salespeople so everyone works from the same leads."
              done={hasTeam}
              action={stepAction(manageMembers, `${base}/settings/users`, 'Invite users')}
            />
            <SetupStep
              number={3}
              title="Add a form to your site"
              description="Embed a sign-up form or publish a hosted landing page that creates contacts."
              soon
            />
            <SetupStep
              number={4}
              title="Install the tracking script"
              description="Paste one line on your site to record visits and join them to the leads who convert."
              soon
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Paper withBorder p="lg">
              <Text fz="xs" fw={650} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.06em' }}>
                This workspace
              </Text>
              <Text fw={600} mt={8} fz="lg">
                {workspace.name}
              </Text>
              <Group gap={6} mt={6}>
                <RoleBadge role={workspace.role} />
                <Text fz="sm" c="dimmed" ff="monospace">
                  {workspace.slug}
                </Text>
              </Group>
              <Anchor component={Link} to={`${base}/settings/workspace`} fz="sm" mt="md" display="block">
                Manage workspace
              </Anchor>
            </Paper>
            <Paper withBorder p="lg">
              <Group gap="xs" mb={6}>
                <IconCode size={18} color="var(--mantine-color-brand-6)" />
                <Text fw={600}>Build on the API</Text>
              </Group>
              <Text fz="sm" c="dimmed">
                Everything in Inflow is available over REST, with an OpenAPI spec for generating clients.
              </Text>
              <Group gap="lg" mt="md">
                <Anchor href={API_DOCS_URL} target="_blank" rel="noreferrer" fz="sm">
                  <Group gap={4}>
                    <IconBook size={15} />
                    API reference
                  </Group>
                </Anchor>
                <Anchor href="/api/openapi.json" target="_blank" rel="noreferrer" fz="sm">
                  OpenAPI spec
                </Anchor>
              </Group>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </PageContainer>
  );
}
