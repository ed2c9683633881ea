import { useCallback, useEffect, useState } from 'react';
import type { StrategyInfo } from '@shared/dto/backtest';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import { useSettings } from '../../app/app-context';
import { draftFromRequest, emptyDraft, withStrategy, type BacktestDraft } from './backtest-draft';
import { sweepDraftFor, type SweepDraft } from './sweep-draft';
import { useBacktest } from './use-backtest';

/** The first strategy to offer: the SMA crossover when there is one. */
const PREFERRED = 'sma-crossover';

export interface BacktestDrafts {
  draft: BacktestDraft;
  sweepDraft: SweepDraft;
  strategy: StrategyInfo | undefined;
  strategies: StrategyInfo[];
  change: (patch: Partial<BacktestDraft>) => void;
  changeSweep: (patch: Partial<SweepDraft>) => void;
  pickStrategy: (id: string) => void;
}

/**
 * The run and sweep forms' state: starts on the chart's symbol and timeframe, picks a
 * strategy once they load, and follows a reopened run back into the form.
 */
export function useBacktestDrafts(): BacktestDrafts {
  const chart = useSettings((s) => s.settings?.chart ?? DEFAULT_SETTINGS.chart);
  const strategies = useBacktest((s) => s.strategies);
  const reopened = useBacktest((s) => s.result);
  const [draft, setDraft] = useState<BacktestDraft>(() => emptyDraft(chart.symbol, chart.timeframe));
  const [sweepDraft, setSweepDraft] = useState<SweepDraft>(() => sweepDraftFor(undefined));
  const strategy = strategies.find((s) => s.id === draft.strategy);

  const pickStrategy = useCallback(
    (id: string) => {
      const picked = strategies.find((s) => s.id === id);
      if (!picked) return;
      setDraft((current) => withStrategy(current, picked));
      setSweepDraft(sweepDraftFor(picked));
    },
    [strategies],
  );

  // Strategies arrive after the first render: pick one when none is.
  useEffect(() => {
    if (draft.strategy !== '' || strategies.length === 0) return;
    const first = strategies.find((s) => s.id === PREFERRED && s.error === null) ?? strategies.find((s) => s.error === null);
    if (first) pickStrategy(first.id);
  }, [draft.strategy, strategies, pickStrategy]);

  // A run opened from the list (or just made) shows its settings in the form.
  useEffect(() => {
    if (!reopened) return;
    const info = strategies.find((s) => s.id === reopened.request.strategy);
    setDraft((current) => draftFromRequest(reopened.request, info, current));
  }, [reopened, strategies]);

  const change = useCallback((patch: Partial<BacktestDraft>) => setDraft((current) => ({ ...current, ...patch })), []);
  const changeSweep = useCallback((patch: Partial<SweepDraft>) => setSweepDraft((current) => ({ ...current, ...patch })), []);

  return { draft, sweepDraft, strategy, strategies, change, changeSweep, pickStrategy };
}
