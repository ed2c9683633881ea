import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import type { Timeframe } from '@shared/dto/market-data';
import { REPLAY_TIMEFRAMES, ReplayTimeframe, type ReplayStart } from '@shared/dto/replay';
import { useServices } from '../../app/app-context';
import { errorMessage } from '../../store/engine-client';
import { fromUtcInput, loadReplayDefaults, toUtcInput } from './replay-defaults';
import { SpeedSelect } from './SpeedSelect';

interface ReplayFormProps {
  symbol: string;
  timeframe: Timeframe;
  busy: boolean;
  onStart: (request: ReplayStart) => Promise<void>;
  onClose: () => void;
}

/**
 * Start a replay of the chart's symbol: the timeframe (the chart's when stored, else the finest
 * stored), the start (5 trading days before the newest bar by default, UTC) and the speed.
 */
export function ReplayForm({ symbol, timeframe: chartTimeframe, busy, onStart, onClose }: ReplayFormProps): ReactElement {
  const { client } = useServices();
  const [timeframe, setTimeframe] = useState<ReplayTimeframe | null>(null);
  const [from, setFrom] = useState('');
  const [speed, setSpeed] = useState(60);
  const [note, setNote] = useState<string | null>('Looking for stored bars…');

  useEffect(() => {
    let current = true;
    loadReplayDefaults(client, symbol, chartTimeframe).then(
      (defaults) => {
        if (!current) return;
        if (!defaults) return setNote(`No stored bars of ${symbol} to replay`);
        setTimeframe(defaults.timeframe);
        setFrom(toUtcInput(defaults.from));
        setNote(null);
      },
      (error: unknown) => current && setNote(errorMessage(error)),
    );
    return () => {
      current = false;
    };
  }, [client, symbol, chartTimeframe]);

  const fromTime = fromUtcInput(from);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (timeframe && fromTime !== null) void onStart({ symbol, timeframe, from: fromTime, speed });
  };

  return (
    <form className="menu replay-form" data-testid="replay-form" aria-label="Start a replay" onSubmit={submit} onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <div className="replay-form-title">
        Replay <strong>{symbol}</strong>
      </div>
      <label htmlFor="replay-timeframe">Bars</label>
      <select
        id="replay-timeframe"
        data-testid="replay-timeframe"
        value={timeframe ?? ''}
        disabled={timeframe === null}
        onChange={(event) => {
          const picked = ReplayTimeframe.safeParse(event.target.value);
          if (picked.success) setTimeframe(picked.data);
        }}
      >
        {timeframe === null && <option value="">—</option>}
        {REPLAY_TIMEFRAMES.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      <label htmlFor="replay-from">From (UTC)</label>
      <input id="replay-from" data-testid="replay-from" type="datetime-local" value={from} onChange={(event) => setFrom(event.target.value)} />
      <label htmlFor="replay-form-speed">Speed</label>
      <SpeedSelect id="replay-form-speed" value={speed} onChange={setSpeed} />
      {note && <p className="replay-note">{note}</p>}
      <div className="replay-form-actions">
        <button type="button" className="button button-small" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-small button-primary" data-testid="replay-start" disabled={busy || timeframe === null || fromTime === null}>
          Start replay
        </button>
      </div>
    </form>
  );
}
