import { useState } from 'react';
import { Alert, Box, Group, Loader, Paper, SegmentedControl, Text } from '@mantine/core';
import { useDebouncedValue, useElementSize } from '@mantine/hooks';
import { IconAlertCircle, IconDeviceDesktop, IconDeviceMobile } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError } from '../../../api/client';
import { pagesKey, renderPage, type PageDefinition } from '../../../api/pages';
import { useWorkspace } from '../../../auth/workspace-context';

const WIDTHS = { desktop: 1280, mobile: 390 } as const;
const FRAME_HEIGHT = 'calc(100vh - 210px)';

/**
 * The page as the server renders it for visitors, from the working copy (a moment after the last
 * keystroke), in a frame that runs nothing: a desktop width scaled to fit, or a phone's.
 */
export function PagePreview({ pageId, definition, enabled }: { pageId: string; definition: PageDefinition; enabled: boolean }) {
  const { slug } = useWorkspace();
  const [device, setDevice] = useState<keyof typeof WIDTHS>('desktop');
  const [settled] = useDebouncedValue(definition, 350);
  const { ref, width } = useElementSize();
  const rendered = useQuery({
    queryKey: [...pagesKey(slug), 'render', pageId, JSON.stringify(settled)],
    queryFn: () => renderPage(slug, pageId, settled),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    // One entry per state typed through: only the last few are worth keeping.
    gcTime: 30_000,
    retry: false,
    enabled,
  });
  const frameWidth = WIDTHS[device];
  const scale = width > 0 ? Math.min(1, width / frameWidth) : 1;
  const refused = rendered.error instanceof ApiError && rendered.error.status === 400;
  if (!enabled) {
    return (
      <Paper withBorder radius="md" p="md">
        <Text fz="sm" c="dimmed">The live preview is for people who edit pages. A published page can be opened at its address.</Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Group justify="space-between" px="md" py={6} bg="gray.0" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group gap="xs">
          <Text fz="xs" fw={600} tt="uppercase" c="dimmed">Live preview</Text>
          {rendered.isFetching && <Loader size={12} aria-label="Updating the preview" />}
        </Group>
        <SegmentedControl
          size="xs"
          value={device}
          onChange={(v) => setDevice(v as keyof typeof WIDTHS)}
          aria-label="Preview width"
          data={[
            { value: 'desktop', label: <Group gap={4} wrap="nowrap"><IconDeviceDesktop size={14} /> Desktop</Group> },
            { value: 'mobile', label: <Group gap={4} wrap="nowrap"><IconDeviceMobile size={14} /> Mobile</Group> },
          ]}
        />
      </Group>
      {rendered.isError && (
        <Alert color={refused ? 'yellow' : 'red'} variant="light" radius={0} icon={<IconAlertCircle size={16} />} py="xs">
          {refused ? 'The preview waits for a change it can show: a link or address in the page cannot be used yet.' : 'The preview could not be updated.'}
        </Alert>
      )}
      <Box ref={ref} bg={device === 'mobile' ? 'gray.1' : undefined} style={{ height: FRAME_HEIGHT, overflow: 'hidden', display: 'flex', justifyContent: 'center' }}>
        {rendered.data && (
          <iframe
            title="Page preview"
            data-device={device}
            sandbox=""
            srcDoc={rendered.data.html}
            style={{
              border: 0,
              width: frameWidth,
              flex: 'none',
              height: `calc(${FRAME_HEIGHT} / ${scale})`,
              transform: `scale(${scale})`,
              transformOrigin: 'top center',
              background: 'white',
              boxShadow: device === 'mobile' ? '0 0 0 1px var(--mantine-color-gray-3), 0 8px 24px rgba(0,0,0,.08)' : undefined,
            }}
          />
        )}
      </Box>
    </Paper>
  );
}
