import { useRef, useState, type DragEvent } from 'react';
import { Alert, Button, Group, Paper, Progress, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertCircle, IconCloudUpload } from '@tabler/icons-react';
import { useUploadAsset } from '../../api/assets';
import { ApiError } from '../../api/client';
import { notifySuccess } from '../../notify';

// What the file picker offers; the server decides by the file's bytes whatever is picked.
const ACCEPT = '.pdf,.docx,.xlsx,.pptx,.zip,.png,.jpg,.jpeg,.gif,.webp,.svg';

function problemText(error: unknown): { title: string; detail: string } {
  if (!(error instanceof ApiError)) return { title: 'Upload failed', detail: error instanceof Error ? error.message : 'Unexpected error' };
  if (error.status === 413) return { title: 'The file is too big', detail: error.detail ?? 'The file is larger than the server accepts.' };
  if (error.status === 415) return { title: 'This kind of file cannot be offered', detail: error.detail ?? 'Upload a PDF, an Office document, a ZIP or an image.' };
  return { title: 'Upload failed', detail: error.detail ?? error.title };
}

/** Drop a file or pick one; shows how far the upload is, and the server's reason when it refuses. */
export function UploadZone({ slug }: { slug: string }) {
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadAsset(slug);
  const [progress, setProgress] = useState(0);
  const [current, setCurrent] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [failure, setFailure] = useState<{ file: string; title: string; detail: string } | null>(null);

  function start(file: File | undefined) {
    if (!file || upload.isPending) return;
    setFailure(null);
    setCurrent(file.name);
    setProgress(0);
    upload.mutate(
      { file, onProgress: setProgress },
      {
        onSuccess: (asset) => notifySuccess(`“${asset.name}” is ready to offer`),
        onError: (error) => setFailure({ file: file.name, ...problemText(error) }),
        onSettled: () => setCurrent(null),
      },
    );
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    start(event.dataTransfer.files[0]);
  }

  return (
    <Stack gap="sm" mb="lg">
      <Paper
        withBorder
        p="lg"
        radius="md"
        data-testid="asset-drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          borderColor: dragging ? 'var(--mantine-color-blue-5)' : 'var(--mantine-color-gray-3)',
          background: dragging ? 'var(--mantine-color-blue-0)' : 'var(--mantine-color-gray-0)',
          transition: 'background 120ms, border-color 120ms',
        }}
      >
        {current ? (
          <Stack gap={6}>
            <Group justify="space-between">
              <Text fz="sm" fw={600} truncate maw="70%">
                Uploading {current}
              </Text>
              <Text fz="sm" c="dimmed">
                {Math.round(progress * 100)}%
              </Text>
            </Group>
            <Progress value={progress * 100} animated={progress >= 1} aria-label={`Upload of ${current}`} />
            <Text fz="xs" c="dimmed">
              {progress >= 1 ? 'Checking and storing the file…' : 'Keep this page open until the upload finishes.'}
            </Text>
          </Stack>
        ) : (
          <Group justify="space-between" wrap="nowrap" gap="lg">
            <Group wrap="nowrap" gap="md">
              <ThemeIcon size={44} radius="xl" variant="light">
                <IconCloudUpload size={24} stroke={1.7} />
              </ThemeIcon>
              <div>
                <Text fw={600} fz="sm">
                  Drop a file here to add it to the library
                </Text>
                <Text fz="xs" c="dimmed">
                  PDF, Word, Excel, PowerPoint, ZIP or an image (PNG, JPEG, GIF, WebP, SVG), up to 50 MB. The type is checked from the file’s contents.
                </Text>
              </div>
            </Group>
            <Button variant="default" style={{ flexShrink: 0 }} onClick={() => input.current?.click()}>
              Choose a file
            </Button>
          </Group>
        )}
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          hidden
          data-testid="asset-file-input"
          onChange={(event) => {
            start(event.currentTarget.files?.[0]);
            event.currentTarget.value = '';
          }}
        />
      </Paper>
      {failure && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={`${failure.title}: ${failure.file}`} withCloseButton onClose={() => setFailure(null)}>
          {failure.detail}
        </Alert>
      )}
    </Stack>
  );
}
