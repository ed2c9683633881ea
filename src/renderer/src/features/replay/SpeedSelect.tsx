import type { ReactElement } from 'react';
import { REPLAY_SPEEDS } from './replay-defaults';

interface SpeedSelectProps {
  id?: string;
  value: number;
  disabled?: boolean;
  onChange: (speed: number) => void;
}

/** 1× to 1000×; a speed set elsewhere (the CLI) shows as an extra option. */
export function SpeedSelect({ id, value, disabled = false, onChange }: SpeedSelectProps): ReactElement {
  const speeds: readonly number[] = REPLAY_SPEEDS.some((speed) => speed === value) ? REPLAY_SPEEDS : [...REPLAY_SPEEDS, value].sort((a, b) => a - b);
  return (
    <select id={id} data-testid="replay-speed" aria-label="Replay speed" value={value} disabled={disabled} onChange={(event) => onChange(Number(event.target.value))}>
      {speeds.map((speed) => (
        <option key={speed} value={speed}>
          {speed}×
        </option>
      ))}
    </select>
  );
}
