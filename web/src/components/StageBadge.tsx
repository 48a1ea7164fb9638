import { Badge } from '@mantine/core';
import { isStage, STAGE_COLORS, stageLabel } from '../contact-fields';

/** A contact's lifecycle stage, coloured along the funnel. */
export function StageBadge({ stage, size = 'sm' }: { stage: string; size?: 'xs' | 'sm' | 'md' }) {
  return (
    // Never squeezed into "Custom…" by a crowded table row.
    <Badge variant="light" color={isStage(stage) ? STAGE_COLORS[stage] : 'gray'} radius="sm" tt="none" fw={600} size={size} miw="max-content">
      {stageLabel(stage)}
    </Badge>
  );
}
