import { Paper, Stack, Table, Text, Title } from '@mantine/core';

export interface FigureColumn<R> {
  label: string;
  value: (row: R) => string;
}

/** A titled table of figures: one named row per day, source or page, numbers right-aligned, a line when there is none. */
export function FiguresTable<R extends { key: string; name: string }>({ label, first, columns, rows, empty }: { label: string; first: string; columns: FigureColumn<R>[]; rows: R[]; empty: string }) {
  return (
    <Stack gap="xs">
      <Title order={4} fz="sm">
        {label}
      </Title>
      <Paper withBorder style={{ overflow: 'hidden' }}>
        <Table verticalSpacing="xs" aria-label={label}>
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th>{first}</Table.Th>
              {columns.map((c) => (
                <Table.Th key={c.label} ta="right">
                  {c.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={columns.length + 1}>
                  <Text fz="sm" c="dimmed">
                    {empty}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.name}</Table.Td>
                {columns.map((c) => (
                  <Table.Td key={c.label} ta="right">
                    {c.value(r)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
