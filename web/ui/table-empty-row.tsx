import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './table-empty-row.module.css';

/** The class of a table's `Table.ScrollContainer` whose empty state is a `TableEmptyRow`. */
export const tableScrollContainerClass = classes.container;

/**
 * The one row of a table with nothing to show: its words across the visible width of the table's
 * scroll container (which carries `tableScrollContainerClass`), so on a narrow screen, where the
 * table scrolls sideways, they are read whole rather than centred on the wider table and cut off.
 */
export function TableEmptyRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={colSpan} p={0}>
        <Text className={classes.message} c="gray.8" ta="center" py="md">
          {children}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
