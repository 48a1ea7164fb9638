import { Paper, Text } from '@mantine/core';

/** One headline number of a figures panel: a small label over the value. */
export function FigureCard({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="md">
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={26} fw={700}>
        {value}
      </Text>
    </Paper>
  );
}
