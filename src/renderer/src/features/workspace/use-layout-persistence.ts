import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { ImperativePanelGroupHandle } from 'react-resizable-panels';
import { useServices, useSettings } from '../../app/app-context';
import { roundSizes, sameLayout, sameSizes, toColumns, toRows, withSizes, type PendingSizes } from './layout-sizes';

/** Quiet time after the last resize event before the layout is saved. */
export const LAYOUT_SAVE_DELAY_MS = 400;

export interface LayoutPersistence {
  columnsRef: RefObject<ImperativePanelGroupHandle | null>;
  rowsRef: RefObject<ImperativePanelGroupHandle | null>;
  onColumnsLayout: (sizes: number[]) => void;
  onRowsLayout: (sizes: number[]) => void;
}

/**
 * Saves panel sizes through `settings.update` once resizing settles (rounded, and only when
 * they differ from the stored layout), and moves the panels when the stored layout changes
 * from elsewhere (Reset layout, another window). Echoes of our own saves are not moves.
 */
export function useLayoutPersistence(): LayoutPersistence {
  const store = useServices().stores.settings;
  const columnsRef = useRef<ImperativePanelGroupHandle | null>(null);
  const rowsRef = useRef<ImperativePanelGroupHandle | null>(null);
  const pending = useRef<PendingSizes>({});
  const known = useRef<PendingSizes>({});
  const timer = useRef<number | undefined>(undefined);

  const save = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const sizes = pending.current;
    pending.current = {};
    const { settings, update } = store.getState();
    if (!settings) return;
    const next = withSizes(settings.layout, sizes);
    if (sameLayout(next, settings.layout)) return;
    known.current = { columns: next.columns, rows: next.rows };
    void update({ layout: next });
  }, [store]);

  const schedule = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(save, LAYOUT_SAVE_DELAY_MS);
  }, [save]);

  const onColumnsLayout = useCallback(
    (sizes: number[]) => {
      const columns = toColumns(sizes);
      if (!columns) return;
      pending.current = { ...pending.current, columns };
      schedule();
    },
    [schedule],
  );

  const onRowsLayout = useCallback(
    (sizes: number[]) => {
      const rows = toRows(sizes);
      if (!rows) return;
      pending.current = { ...pending.current, rows };
      schedule();
    },
    [schedule],
  );

  // Whatever is still waiting is saved when the workspace goes away.
  useEffect(() => () => {
    if (timer.current !== undefined) save();
  }, [save]);

  const columns = useSettings((s) => s.settings?.layout.columns);
  const rows = useSettings((s) => s.settings?.layout.rows);

  useEffect(() => {
    if (!columns || (known.current.columns && sameSizes(known.current.columns, columns))) return;
    known.current = { ...known.current, columns };
    if (moveGroup(columnsRef.current, columns)) pending.current = { ...pending.current, columns: undefined };
  }, [columns]);

  useEffect(() => {
    if (!rows || (known.current.rows && sameSizes(known.current.rows, rows))) return;
    known.current = { ...known.current, rows };
    if (moveGroup(rowsRef.current, rows)) pending.current = { ...pending.current, rows: undefined };
  }, [rows]);

  return { columnsRef, rowsRef, onColumnsLayout, onRowsLayout };
}

/** Sets a group's sizes if they differ; true when it moved. */
function moveGroup(group: ImperativePanelGroupHandle | null, sizes: readonly number[]): boolean {
  if (!group || sameSizes(roundSizes(group.getLayout()), sizes)) return false;
  group.setLayout([...sizes]);
  return true;
}
