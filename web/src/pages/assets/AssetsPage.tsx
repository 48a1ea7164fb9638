import { Badge, Group, Paper, Table, Text, ThemeIcon } from '@mantine/core';
import { IconFileDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { assetQueries } from '../../api/assets';
import { useCan } from '../../auth/permissions';
import { useWorkspace } from '../../auth/workspace-context';
import { PageContainer } from '../../components/PageContainer';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { StatusMessage } from '../../components/StatusMessage';
import { formatBytes, formatDateTime, formatRelative } from '../../format';
import { AssetActions } from './AssetActions';
import { KIND_LOOK } from './asset-kinds';
import { UploadZone } from './UploadZone';
import { SkeletonRows } from '../../components/SkeletonRows';

/** The library of gated downloads: upload, see what was downloaded, rename, delete, test. */
export function AssetsPage() {
  const { slug } = useWorkspace();
  const manage = useCan('marketing.write');
  const assets = useQuery(assetQueries.all(slug));

  function content() {
    if (assets.isError) return <QueryError error={assets.error} onRetry={() => void assets.refetch()} />;
    if (assets.data?.length === 0) {
      return (
        <Paper withBorder>
          <StatusMessage
            icon={<IconFileDownload size={26} stroke={1.7} />}
            title="No assets yet"
            description="Upload the e-book, template or price list you offer in exchange for a sign-up. Each lead gets their own signed link, and every download shows on their timeline."
          />
        </Paper>
      );
    }
    return (
      <Paper withBorder style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={720} type="native">
          <Table verticalSpacing="sm" horizontalSpacing="lg" highlightOnHover>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>Asset</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th ta="right">Size</Table.Th>
                <Table.Th ta="right">Downloads</Table.Th>
                <Table.Th>Added</Table.Th>
                <Table.Th w={56} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {assets.data
                ? assets.data.map((asset) => {
                    const look = KIND_LOOK[asset.kind];
                    const KindIcon = look.icon;
                    return (
                      <Table.Tr key={asset.id} data-testid="asset-row">
                        <Table.Td>
                          <Group gap="sm" wrap="nowrap">
                            <ThemeIcon variant="light" color={look.color} size={36} radius="md">
                              <KindIcon size={20} stroke={1.6} />
                            </ThemeIcon>
                            <div style={{ minWidth: 0 }}>
                              <Text fz="sm" fw={600} c="dark.7" truncate maw={360}>
                                {asset.name}
                              </Text>
                              <Text fz="xs" c="dimmed" truncate maw={360}>
                                {asset.file_name}
                              </Text>
                            </div>
                          </Group>
                        </Table.Td>
                        <Table.Td w={130}>
                          <Badge variant="light" color={look.color} radius="sm">
                            {look.label}
                          </Badge>
                        </Table.Td>
                        <Table.Td ta="right" w={110}>
                          <Text fz="sm">{formatBytes(asset.size)}</Text>
                        </Table.Td>
                        <Table.Td ta="right" w={120}>
                          <Text fz="sm" fw={600}>
                            {asset.downloads.toLocaleString()}
                          </Text>
                        </Table.Td>
                        <Table.Td w={150}>
                          <Text fz="sm" c="dimmed" title={formatDateTime(asset.created_at as string)}>
                            {formatRelative(asset.created_at as string)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <AssetActions slug={slug} asset={asset} manage={manage} />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })
                : <SkeletonRows columns={6} height={36} />}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    );
  }

  return (
    <PageContainer>
      <PageHeader
        title="Assets"
        description="Files you offer in exchange for a sign-up: e-books, templates, price lists. Each lead gets a signed link that expires; every download is counted and lands on their timeline."
      />
      {manage && <UploadZone slug={slug} />}
      {content()}
    </PageContainer>
  );
}
