import type { ReactElement } from 'react';
import { formatReplayClock } from './replay-defaults';
import type { ReplaySlice } from './replay-store';
import { SpeedSelect } from './SpeedSelect';

/** A running replay: what it plays, its clock, play/pause, speed and stop. */
export function ReplayControls({ replay }: { replay: ReplaySlice }): ReactElement {
  const { status, busy } = replay;
  const playing = status.state === 'playing';
  return (
    <div className="replay-controls" role="group" aria-label="Replay">
      <span className="replay-title">
        Replay <strong>{status.symbol}</strong> {status.timeframe}
      </span>
      <span className="replay-clock" data-testid="replay-clock" data-time={status.replayTime ?? ''} title="Replay clock">
        {status.replayTime === null ? '—' : formatReplayClock(status.replayTime)}
      </span>
      {status.state === 'finished' && <span className="replay-finished">finished</span>}
      {playing ? (
        <button type="button" className="button button-small" data-testid="replay-pause" disabled={busy} onClick={() => void replay.pause()}>
          Pause
        </button>
      ) : (
        <button type="button" className="button button-small" data-testid="replay-resume" disabled={busy || status.state !== 'paused'} onClick={() => void replay.resume()}>
          Play
        </button>
      )}
      <SpeedSelect value={status.speed} disabled={busy} onChange={(speed) => void replay.setSpeed(speed)} />
      <button type="button" className="button button-small" data-testid="replay-stop" disabled={busy} title="End the replay and go back to live data" onClick={() => void replay.stop()}>
        Stop
      </button>
    </div>
  );
}
