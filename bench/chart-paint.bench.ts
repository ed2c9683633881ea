// Chart first paint in Chromium: the workstation page loads a symbol with 100,000 bars in one
// `md.bars` call (?chartBars=100000) and the time from the answer to the first frame drawn with
// those bars is read from the chart's user-timing marks. Needs a built app and a running
// `kestrel serve` with such a symbol; the caller passes its URL (with the token).
import WebSocket from 'ws';
import { launchBrowser } from '../test/e2e/support/browser';
import { CHART_MARKS, type ChartMarkDetail } from '../src/renderer/src/features/chart/perf-marks';
import type { BenchRow } from './bench-row';
import { stats } from './bench-util';

export interface ChartPaintOptions {
  /** The serve URL as printed ("http://127.0.0.1:PORT/?token=…"). */
  url: string;
  symbol: string;
  timeframe: string;
  /** Bars for the first paint (default 100,000). */
  bars?: number;
  /** Page loads measured (default 5); the median is reported. */
  runs?: number;
  /** Shown beside the figure when given. */
  targetMs?: number;
}

interface Sample {
  bars: number;
  /** md.bars answered (parsed and validated) → frame drawn. */
  paint: number;
  /** Request sent → frame drawn. */
  total: number;
}

/** Wrap as a Bench: `() => chartPaintBench({ url, symbol: 'X', timeframe: '1m' })`. */
export async function chartPaintBench(options: ChartPaintOptions): Promise<BenchRow[]> {
  const bars = options.bars ?? 100_000;
  const runs = options.runs ?? 5;
  await showOnChart(options.url, options.symbol, options.timeframe);
  const page = new URL(options.url);
  page.searchParams.set('chartBars', String(bars));

  const browser = await launchBrowser();
  const samples: Sample[] = [];
  try {
    const tab = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    for (let run = 0; run < runs; run += 1) {
      await tab.goto(page.href);
      const handle = await tab.waitForFunction(readMarks, { marks: CHART_MARKS, symbol: options.symbol, timeframe: options.timeframe }, { timeout: 120_000 });
      samples.push((await handle.jsonValue()) as Sample);
    }
  } finally {
    await browser.close();
  }

  const loaded = samples[0]?.bars ?? 0;
  const paint = stats(samples.map((sample) => sample.paint));
  const total = stats(samples.map((sample) => sample.total));
  const ms = (value: number): string => `${value.toFixed(0)} ms`;
  const paintRow: BenchRow = {
    name: `chart first paint, ${loaded.toLocaleString('en-US')} bars (answer → frame)`,
    value: `p50 ${ms(paint.p50)}  max ${ms(paint.max)}  (n=${runs})`,
  };
  if (options.targetMs !== undefined) {
    paintRow.target = `< ${options.targetMs} ms`;
    paintRow.met = paint.p50 < options.targetMs;
  }
  return [paintRow, { name: 'chart first load, md.bars request → frame', value: `p50 ${ms(total.p50)}  max ${ms(total.max)}` }];
}

/**
 * Runs in the page: the latest complete set of marks for the symbol, or null while loading.
 * No named inner functions: tsx would wrap them in a `__name` helper the page does not have.
 */
function readMarks(arg: { marks: typeof CHART_MARKS; symbol: string; timeframe: string }): Sample | null {
  const [painted, received, requested] = [arg.marks.painted, arg.marks.received, arg.marks.requested].map((name) =>
    (performance.getEntriesByName(name) as PerformanceMark[])
      .filter((mark) => {
        const detail = mark.detail as ChartMarkDetail | null;
        return detail?.symbol === arg.symbol && detail.timeframe === arg.timeframe;
      })
      .at(-1),
  );
  if (!painted || !received || !requested) return null;
  const load = (painted.detail as ChartMarkDetail).load;
  if ((received.detail as ChartMarkDetail).load !== load || (requested.detail as ChartMarkDetail).load !== load) return null;
  return {
    bars: (painted.detail as ChartMarkDetail).bars,
    paint: painted.startTime - received.startTime,
    total: painted.startTime - requested.startTime,
  };
}

/** Points the chart at the symbol through `settings.update`, so the page's first load is the measured one. */
async function showOnChart(url: string, symbol: string, timeframe: string): Promise<void> {
  const page = new URL(url);
  const socket = new WebSocket(`ws://${page.host}/rpc?token=${encodeURIComponent(page.searchParams.get('token') ?? '')}`);
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const reply = await new Promise<{ ok: boolean; error?: { message: string } }>((resolve) => {
      socket.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString('utf8')) as { kind: string; id?: number; ok: boolean; error?: { message: string } };
        if (message.kind === 'response' && message.id === 1) resolve(message);
      });
      socket.send(JSON.stringify({ kind: 'request', id: 1, method: 'settings.update', params: { chart: { symbol, timeframe, indicators: [] } } }));
    });
    if (!reply.ok) throw new Error(`settings.update refused: ${reply.error?.message ?? 'unknown error'}`);
  } finally {
    socket.close();
  }
}
