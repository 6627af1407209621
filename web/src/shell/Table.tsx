import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { Empty } from './ui';

export interface Column<T> {
  label: string;
  render(row: T): ReactNode;
}

/** A table that scrolls inside itself on a narrow screen, never the page. */
export function DataTable<T>({ rows, columns, rowKey, caption }: { rows: T[]; columns: Column<T>[]; rowKey(row: T): string; caption?: string }) {
  if (rows.length === 0) return <Empty />;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped highlightOnHover verticalSpacing="xs">
        {caption && <caption style={{ position: 'absolute', left: -10000 }}>{caption}</caption>}
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.label}>{column.label}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((column) => (
                <Table.Td key={column.label}>{column.render(row)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
