import type { ReactElement } from 'react';
import type { ColumnMapping, ImportPreview } from '@shared/dto/data-import';

export const ROLES: (keyof ColumnMapping)[] = ['symbol', 'time', 'open', 'high', 'low', 'close', 'volume'];

/** Which role (time, open, …) each column index plays in the mapping. */
export function columnRoles(mapping: ColumnMapping): Map<number, string> {
  const roles = new Map<number, string>();
  for (const role of ROLES) {
    const column = mapping[role];
    if (column !== null) roles.set(column, role);
  }
  return roles;
}

/** The file's first rows as the engine read them, the mapped columns labelled with their role. */
export function ImportSampleTable({ preview }: { preview: ImportPreview }): ReactElement {
  const roleOf = columnRoles(preview.mapping);
  return (
    <div className="import-table-wrap">
      <table className="import-table numeric" data-testid="import-preview">
        <thead>
          <tr>
            {preview.header.map((name, column) => (
              <th key={column} data-role={roleOf.get(column) ?? 'unused'}>
                {name}
                {roleOf.has(column) && <span className="import-role">{roleOf.get(column)}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.sampleRows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, column) => (
                <td key={column} data-role={roleOf.get(column) ?? 'unused'}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
