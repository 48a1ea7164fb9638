import { Skeleton, Table } from '@mantine/core';

/** A table's rows while its data loads: three bars across all its columns. */
export function SkeletonRows({ columns, height }: { columns: number; height: number }) {
  return [0, 1, 2].map((i) => (
    <Table.Tr key={i}>
      <Table.Td colSpan={columns}>
        <Skeleton h={height} />
      </Table.Td>
    </Table.Tr>
  ));
}
