import { useId } from 'react';
import { Group, Text } from '@mantine/core';

/** The Inflow logo: a funnel in a brand-coloured tile, and the product name. */
export function BrandMark({ size = 28, withName = true }: { size?: number; withName?: boolean }) {
  // One gradient id per instance: a shared id breaks when its first owner is display:none.
  const gradient = useId();
  return (
    <Group gap={10} wrap="nowrap">
      <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
        <defs>
          <linearGradient id={gradient} x1="0" y1="0" x2="1" y2="1">
            <stop offset="0" stopColor="#7b6df0" />
            <stop offset="1" stopColor="#4638c7" />
          </linearGradient>
        </defs>
        <rect width="32" height="32" rx="8" fill={`url(#${gradient})`} />
        <path d="M8 10h16l-6 7v6l-4 2v-8z" fill="#fff" />
      </svg>
      {withName && (
        <Text fw={700} fz={size * 0.68} lh={1} c="dark.8" style={{ letterSpacing: '-0.02em' }}>
          Inflow
        </Text>
      )}
    </Group>
  );
}
