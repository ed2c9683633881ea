import { parentPort } from 'node:worker_threads';
import { DomainError } from '../../../core/api/domain-error';
import type { StrategyDefinition } from '../../../core/strategy/strategy-api';
import { builtinStrategy } from '../strategy-catalog';
import { loadUserStrategy } from '../../strategies/user-strategies';
import { RunScratch } from '../../../core/backtest/run-scratch';
import { runJob, runJobSummary } from './run-job';
import type { HostMessage, RunSetup, SeriesData, StrategyRef, WorkerMessage } from './worker-protocol';

/**
 * Worker thread entry: receives a strategy and bars ('init'), then runs one job per 'run'
 * message, in order, until 'reset' or the next 'init' (a pooled thread serves many sweeps).
 * Everything it sends back is plain data; errors become 'failed' messages.
 */
interface Loaded {
  definition: StrategyDefinition;
  setup: RunSetup;
  series: SeriesData[];
}

const port = parentPort;
if (!port) throw new Error('backtest-worker runs only as a worker thread');
let loaded: Loaded | null = null;
/** Curve buffers for the metrics-only runs, reused job after job (dropped on reset: an idle thread keeps no big buffers). */
let scratch = new RunScratch();

const send = (message: WorkerMessage): void => port.postMessage(message);

port.on('message', (message: HostMessage) => {
  if (message.type === 'init') {
    void loadStrategy(message.strategy, message.dataDir).then(
      (definition) => {
        loaded = { definition, setup: message.setup, series: message.series };
        send({ type: 'ready' });
      },
      (error: unknown) => send({ type: 'init-failed', error: describe(error), code: codeOf(error) }),
    );
    return;
  }
  if (message.type === 'reset') {
    loaded = null;
    scratch = new RunScratch();
    return;
  }
  const { jobId } = message;
  try {
    if (!loaded) throw new Error('The worker got a job before its bars');
    if (message.detail === 'full') {
      const output = runJob(loaded.definition, loaded.setup, loaded.series, message);
      send({ type: 'done', jobId, metrics: output.metrics, output });
    } else {
      const { metrics } = runJobSummary(loaded.definition, loaded.setup, loaded.series, message, scratch);
      send({ type: 'done', jobId, metrics, output: null });
    }
  } catch (error) {
    send({ type: 'failed', jobId, error: describe(error), code: codeOf(error) });
  }
});

async function loadStrategy(ref: StrategyRef, dataDir: string): Promise<StrategyDefinition> {
  if (ref.source === 'user') return loadUserStrategy(dataDir, ref.id);
  const definition = builtinStrategy(ref.id);
  if (!definition) throw new DomainError('NOT_FOUND', `No built-in strategy ${ref.id}`);
  return definition;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function codeOf(error: unknown): string | null {
  return error instanceof DomainError ? error.code : null;
}
