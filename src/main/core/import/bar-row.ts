import type { ColumnMapping } from '@shared/dto/data-import';
import type { OhlcvRow } from './bar-buffer';
import type { TimeParser } from './timestamps';

/** A plain decimal or exponent number; Number() alone would also take '', '0x1f' and ' 1 '. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export interface RowPlan {
  mapping: ColumnMapping;
  clockColumn: number | null;
  parseTime: TimeParser;
}

/** Reads one cell as a finite number, or says why not. */
function numberAt(record: readonly string[], column: number, name: string): number | string {
  const cell = record[column];
  if (cell === undefined) return `${name} is missing (the row has ${record.length} fields)`;
  const text = cell.trim();
  if (!NUMBER.test(text)) return `${name} is not a number (${JSON.stringify(cell.slice(0, 40))})`;
  const value = Number(text);
  return Number.isFinite(value) ? value : `${name} is out of range (${text.slice(0, 40)})`;
}

/**
 * One data row → a bar, or the reason it is not one: unreadable numbers or time, high below
 * open/close/low, low above open/close/high, negative volume.
 */
export function parseBarRow(record: readonly string[], plan: RowPlan): OhlcvRow | string {
  const { mapping } = plan;
  const timeCell = record[mapping.time];
  if (timeCell === undefined) return `time is missing (the row has ${record.length} fields)`;
  const clock = plan.clockColumn === null ? undefined : record[plan.clockColumn];
  const time = plan.parseTime(timeCell, clock);
  if (time === null) {
    const shown = clock === undefined ? timeCell : `${timeCell} ${clock}`;
    return `time ${JSON.stringify(shown.slice(0, 40))} is not a valid date/time in this file's format`;
  }
  const open = numberAt(record, mapping.open, 'open');
  if (typeof open === 'string') return open;
  const high = numberAt(record, mapping.high, 'high');
  if (typeof high === 'string') return high;
  const low = numberAt(record, mapping.low, 'low');
  if (typeof low === 'string') return low;
  const close = numberAt(record, mapping.close, 'close');
  if (typeof close === 'string') return close;
  const volume = mapping.volume === null ? 0 : numberAt(record, mapping.volume, 'volume');
  if (typeof volume === 'string') return volume;

  if (high < Math.max(open, close, low)) return `high ${high} is below ${high < low ? `low ${low}` : high < open ? `open ${open}` : `close ${close}`}`;
  if (low > Math.min(open, close)) return `low ${low} is above ${low > open ? `open ${open}` : `close ${close}`}`;
  if (volume < 0) return `volume ${volume} is negative`;
  return { time, open, high, low, close, volume };
}
