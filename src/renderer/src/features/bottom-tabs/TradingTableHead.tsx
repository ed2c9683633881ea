import type { ReactElement } from 'react';

/** A column of a trading table: text columns are left-aligned, numbers right-aligned. */
export interface TradingColumn {
  label: string;
  text?: boolean;
}

/** The sticky header row of the orders, positions and fills tables. */
export function TradingTableHead({ columns }: { columns: readonly TradingColumn[] }): ReactElement {
  return (
    <thead>
      <tr>
        {columns.map((column, i) => (
          <th key={i} className={column.text ? 'cell-text' : undefined} scope="col">
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
