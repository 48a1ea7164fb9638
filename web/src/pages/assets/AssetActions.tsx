import { useState } from 'react';
import { ActionIcon, Button, CopyButton, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy, IconDots, IconDownload, IconLink, IconPencil, IconTrash } from '@tabler/icons-react';
import { assetPath, useAssetTestLink, useDeleteAsset, useRenameAsset, type Asset, type AssetLink } from '../../api/assets';
import { downloadFile } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDateTime } from '../../format';
import { notifyError, notifySuccess } from '../../notify';

/** One asset's menu: a test link, the file itself, rename, delete. */
export function AssetActions({ slug, asset, manage }: { slug: string; asset: Asset; manage: boolean }) {
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [name, setName] = useState(asset.name);
  const [link, setLink] = useState<AssetLink | null>(null);
  const rename = useRenameAsset(slug);
  const remove = useDeleteAsset(slug);
  const testLink = useAssetTestLink(slug);

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${asset.name}`}>
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {manage && (
            <Menu.Item leftSection={<IconLink size={16} />} onClick={() => testLink.mutate(asset.id, { onSuccess: setLink, onError: (e) => notifyError(e, 'No link was made') })}>
              Get a test link
            </Menu.Item>
          )}
          <Menu.Item leftSection={<IconDownload size={16} />} onClick={() => void downloadFile(`${assetPath(asset.id)}/content`, slug, asset.file_name).catch((e: unknown) => notifyError(e, 'Download failed'))}>
            Download
          </Menu.Item>
          {manage && (
            <>
              <Menu.Item
                leftSection={<IconPencil size={16} />}
                onClick={() => {
                  setName(asset.name);
                  setRenaming(true);
                }}
              >
                Rename
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>
                Delete
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>

      <Modal opened={renaming} onClose={() => setRenaming(false)} title={<Text fw={650}>Rename asset</Text>}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            rename.mutate(
              { id: asset.id, name: name.trim() },
              { onSuccess: () => setRenaming(false), onError: (e) => notifyError(e, 'Not renamed') },
            );
          }}
        >
          <Stack>
            <TextInput label="Name" description="Leads see it on the thank-you page; it names the download on their timeline." value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={200} data-autofocus required />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRenaming(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={rename.isPending} disabled={!name.trim()}>
                Save
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>

      <Modal opened={link !== null} onClose={() => setLink(null)} title={<Text fw={650}>Test link</Text>} size="lg">
        {link && (
          <Stack>
            <Text fz="sm">
              This link downloads <b>{asset.name}</b> as a lead would. Downloads through it are not counted. It works until {formatDateTime(link.expires_at as string)}.
            </Text>
            <Group gap="xs" wrap="nowrap">
              <TextInput value={link.url} readOnly style={{ flex: 1 }} aria-label="Test link" onFocus={(e) => e.currentTarget.select()} />
              <CopyButton value={link.url}>
                {({ copied, copy }) => (
                  <Button leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />} color={copied ? 'teal' : undefined} onClick={copy}>
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        )}
      </Modal>

      <ConfirmDialog
        opened={deleting}
        title="Delete asset"
        confirmLabel="Delete asset"
        loading={remove.isPending}
        onClose={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(asset.id, {
            onSuccess: () => {
              setDeleting(false);
              notifySuccess(`“${asset.name}” was deleted`);
            },
            onError: (e) => notifyError(e, 'Not deleted'),
          })
        }
      >
        <b>{asset.name}</b> and its file will be deleted. Links already sent to leads will answer that the download is gone; the downloads on their timelines stay.
      </ConfirmDialog>
    </>
  );
}
