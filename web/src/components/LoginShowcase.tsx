import { Box, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconFlame, IconForms, IconMailFast } from '@tabler/icons-react';
import classes from './LoginShowcase.module.css';

const POINTS = [
  { icon: IconForms, title: 'Capture', text: 'Forms, landing pages and pop-ups that feed one contact list.' },
  { icon: IconFlame, title: 'Qualify', text: 'Scoring and lifecycle stages that tell sales who is ready.' },
  { icon: IconMailFast, title: 'Nurture', text: 'Emails and workflows that follow up while you sleep.' },
];

/** The right half of the sign-in page: what Inflow is for, in three lines. */
export function LoginShowcase() {
  return (
    <Box className={classes.panel} visibleFrom="md">
      <Stack gap={36} maw={440}>
        <Stack gap="sm">
          <Text className={classes.eyebrow}>Inbound marketing, self-hosted</Text>
          <Title order={2} c="white" fz={34} lh={1.15}>
            From first visit to closed deal, in one place.
          </Title>
        </Stack>
        <Stack gap="lg">
          {POINTS.map(({ icon: PointIcon, title, text }) => (
            <Group key={title} gap="md" wrap="nowrap" align="flex-start">
              <ThemeIcon size={40} radius="md" className={classes.icon}>
                <PointIcon size={20} />
              </ThemeIcon>
              <div>
                <Text c="white" fw={600}>
                  {title}
                </Text>
                <Text className={classes.text} fz="sm">
                  {text}
                </Text>
              </div>
            </Group>
          ))}
        </Stack>
      </Stack>
    </Box>
  );
}
