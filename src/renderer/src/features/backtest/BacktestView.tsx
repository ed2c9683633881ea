import { useState, type ReactElement } from 'react';
import { useServices } from '../../app/app-context';
import { EmptyState } from '../../ui/EmptyState';
import { draftToRequest, type DraftErrors } from './backtest-draft';
import { BacktestForm } from './BacktestForm';
import { BacktestResults } from './BacktestResults';
import { RunsList } from './RunsList';
import { draftToSweep, type SweepField } from './sweep-draft';
import { SweepForm } from './SweepForm';
import { SweepPanel } from './SweepPanel';
import { useBacktest } from './use-backtest';
import { useBacktestDrafts } from './use-backtest-drafts';
import './backtest.css';
import './backtest-results.css';

type Tab = 'run' | 'sweep';

/**
 * The backtester: the form on the left (a single run, or a sweep over one or two
 * parameters), results on the right, saved runs under the form. Stays mounted while the
 * trade view shows, so the forms keep what was typed.
 */
export function BacktestView({ hidden }: { hidden: boolean }): ReactElement {
  const { stores } = useServices();
  const drafts = useBacktestDrafts();
  const { draft, sweepDraft, strategy } = drafts;
  const [tab, setTab] = useState<Tab>('run');
  const [errors, setErrors] = useState<DraftErrors>({});
  const [sweepErrors, setSweepErrors] = useState<Partial<Record<SweepField, string>>>({});
  const runStatus = useBacktest((s) => s.runStatus);
  const runError = useBacktest((s) => s.error);
  const result = useBacktest((s) => s.result);
  const sweepRunning = useBacktest((s) => s.sweep.starting || s.sweep.progress?.state === 'running');

  const run = (): void => {
    const parsed = draftToRequest(draft, strategy);
    setErrors(parsed.ok ? {} : parsed.errors);
    if (parsed.ok) void stores.backtest.getState().run(parsed.request);
  };

  const startSweep = (): void => {
    const base = draftToRequest(draft, strategy);
    setErrors(base.ok ? {} : base.errors);
    if (!base.ok || !strategy) return;
    const parsed = draftToSweep(sweepDraft, base.request, strategy);
    setSweepErrors(parsed.ok ? {} : parsed.errors);
    if (parsed.ok) void stores.backtest.getState().startSweep(parsed.request, { x: sweepDraft.xParam, y: sweepDraft.yParam === '' ? null : sweepDraft.yParam });
  };

  return (
    <section className="backtest-view" data-testid="backtest-view" hidden={hidden} aria-label="Backtest">
      <aside className="panel bt-side">
        <div className="tab-bar" role="tablist" aria-label="Backtest mode">
          <TabButton id="run" label="Run" testId="run-tab" active={tab} onSelect={setTab} />
          <TabButton id="sweep" label="Sweep" testId="sweep-tab" active={tab} onSelect={setTab} />
        </div>
        <div className="panel-body bt-side-body">
          <BacktestForm draft={draft} errors={errors} strategies={drafts.strategies} onChange={drafts.change} onStrategy={drafts.pickStrategy} />
          {tab === 'sweep' && <SweepForm strategy={strategy} draft={sweepDraft} errors={sweepErrors} onChange={drafts.changeSweep} />}
          <div className="bt-actions">
            {tab === 'run' ? (
              <button type="button" className="button button-primary" data-testid="backtest-run" disabled={runStatus === 'running'} onClick={run}>
                {runStatus === 'running' ? 'Running…' : 'Run backtest'}
              </button>
            ) : (
              <button type="button" className="button button-primary" data-testid="sweep-start" disabled={sweepRunning} onClick={startSweep}>
                Start sweep
              </button>
            )}
          </div>
          <RunsList />
        </div>
      </aside>
      <div className="panel bt-main" data-testid="backtest-main">
        <div className="panel-body">
          {tab === 'sweep' ? (
            <SweepPanel />
          ) : result ? (
            <>
              {runStatus === 'error' && <p className="bt-error bt-banner">{runError}</p>}
              <BacktestResults result={result} />
            </>
          ) : (
            <EmptyState title={runStatus === 'error' ? 'The backtest failed' : runStatus === 'running' ? 'Running…' : 'No backtest yet'}>
              {runStatus === 'error' ? runError : 'Pick a strategy, symbols and dates, then Run. Metrics, the equity curve and the trades appear here.'}
            </EmptyState>
          )}
        </div>
      </div>
    </section>
  );
}

function TabButton({ id, label, testId, active, onSelect }: { id: Tab; label: string; testId: string; active: Tab; onSelect: (tab: Tab) => void }): ReactElement {
  return (
    <button type="button" role="tab" className="tab" data-testid={testId} aria-selected={active === id} onClick={() => onSelect(id)}>
      {label}
    </button>
  );
}
