// User strategies: TypeScript files under <dataDir>/strategies, compiled with esbuild, run in
// backtests (also inside a worker thread), with compile and run-time errors located in the file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { Decimal, money } from '@shared/money/decimal';
import { DomainError } from '../../src/main/core/api/domain-error';
import { runBacktest } from '../../src/main/core/backtest/engine';
import { tradingDayOf } from '../../src/main/core/market-data/calendar';
import type { BarColumns } from '../../src/main/core/market-data/types';
import { listUserStrategies, loadUserStrategy, UserStrategyError } from '../../src/main/node/strategies';
import { readAaplDaily } from '../support/shared-data';
import { tempDir } from '../support/temp-dir';

const ROOT = resolve(__dirname, '../..');
const SPEC = { symbol: 'AAPL', tickSize: new Decimal('0.01'), lotSize: new Decimal(1), assetClass: 'stock' as const, alwaysOpen: true };

const TRADER = [
  "import { defineStrategy, type BarEvent } from 'kestrel';",
  "import { counter } from './_count';",
  '',
  '/** Buys `size` shares on the second bar and sells them on the fifth. */',
  'export default defineStrategy({',
  "  id: 'ignored: the file name is the id',",
  "  name: 'Second in, fifth out',",
  "  description: 'A fixed schedule, to check fills by hand.',",
  "  params: { size: { kind: 'int', default: 10, min: 1, max: 1000 } },",
  '  warmup: () => 0,',
  '  create: (params: { size: number }) => {',
  '    const seen = counter();',
  '    return {',
  '      onBar(ctx, bar: BarEvent) {',
  '        const n = seen();',
  "        if (n === 2) ctx.orders.submit({ symbol: bar.symbol, side: 'buy', type: 'market', quantity: String(params.size) });",
  "        if (n === 5) ctx.orders.submit({ symbol: bar.symbol, side: 'sell', type: 'market', quantity: String(params.size) });",
  '      },',
  '    };',
  '  },',
  '});',
].join('\n');

const COUNT = 'export function counter(): () => number {\n  let n = 0;\n  return () => ++n;\n}\n';

const THROWER = [
  "import { defineStrategy } from 'kestrel';",
  '',
  'export default defineStrategy({',
  "  name: 'Thrower',",
  "  description: '',",
  '  params: {},',
  '  warmup: () => 0,',
  '  create: () => ({',
  '    onBar(_ctx, bar) {',
  '      const limit: number = 100;',
  '      if (bar.close < limit) throw new RangeError(`close ${bar.close} below ${limit}`);',
  '    },',
  '  }),',
  '});',
].join('\n');

const BROKEN = ["import { defineStrategy } from 'kestrel';", '', 'export default defineStrategy({', "  name: 'Broken',", '  create: () => ({ onBar(ctx, bar) { if (bar.close > ) {} } }),', '});'].join('\n');

const NODE_IMPORT = "import { readFileSync } from 'node:fs';\nexport default readFileSync;\n";

/** A data directory with the given strategy files. */
function dataDirWith(files: Record<string, string>): { dataDir: string; file: (name: string) => string } {
  const dataDir = tempDir();
  const dir = join(dataDir, 'strategies');
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dataDir, file: (name) => join(dir, name) };
}

/** Line and column (1-based) of `at` within the first occurrence of `text`. */
function position(source: string, text: string, at: string): { line: number; column: number } {
  const lines = source.split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  return { line: index + 1, column: lines[index]!.indexOf(text) + text.indexOf(at) + 1 };
}

/** The first trading days of 2016 from Yahoo's daily AAPL. */
function january2016(count: number): BarColumns {
  const all = readAaplDaily();
  const first = all.time.findIndex((time) => time >= Date.UTC(2016, 0, 1));
  const end = Math.min(first + count, all.time.findIndex((time) => time >= Date.UTC(2016, 1, 1)));
  const view = (column: Float64Array) => column.slice(first, end);
  return { length: end - first, time: view(all.time), open: view(all.open), high: view(all.high), low: view(all.low), close: view(all.close), volume: view(all.volume) };
}

function backtestOf(definition: Awaited<ReturnType<typeof loadUserStrategy>>, bars: BarColumns) {
  return runBacktest({
    definition,
    params: { size: 10 },
    series: [{ symbol: 'AAPL', bars }],
    timeframe: '1d',
    from: null,
    initialCash: money('10000'),
    slippage: { model: 'none' },
    commission: { model: 'none' },
    instrument: () => SPEC,
    benchmark: null,
    tradingDayOf,
  });
}

describe('user strategies', () => {
  it('lists, compiles and runs a strategy that imports kestrel and a helper file of its own', async () => {
    const { dataDir } = dataDirWith({ 'second-in.ts': TRADER, '_count.ts': COUNT, 'notes.txt': 'not a strategy' });
    const listed = await listUserStrategies(dataDir);
    expect(listed).toEqual([
      {
        id: 'second-in',
        name: 'Second in, fifth out',
        description: 'A fixed schedule, to check fills by hand.',
        params: { size: { kind: 'int', default: 10, min: 1, max: 1000, step: 1 } },
        source: 'user',
        error: null,
      },
    ]);
    const definition = await loadUserStrategy(dataDir, 'second-in');
    expect(definition.id).toBe('second-in');
    const output = backtestOf(definition, january2016(8));
    // Decided on the close of Jan 5 and Jan 8; filled at the next opens: Jan 6 at 100.56, Jan 11 at 98.97.
    expect(output.fills.map((f) => [f.side, new Date(f.time).toISOString().slice(0, 10), f.quantity, f.price])).toEqual([
      ['buy', '2016-01-06', '10', '100.56'],
      ['sell', '2016-01-11', '10', '98.97'],
    ]);
    // 10,000 − 1,005.60 + 989.70, flat at the end.
    expect(output.metrics.finalEquity).toBe('9984.1');
  });

  it('reports a syntax error with the file, line and column, in the list and on load', async () => {
    const { dataDir, file } = dataDirWith({ 'broken.ts': BROKEN });
    const where = position(BROKEN, 'bar.close > )', ')');
    const [info] = await listUserStrategies(dataDir);
    expect(info).toMatchObject({ id: 'broken', name: 'broken', source: 'user', params: {} });
    expect(info!.error).toContain(`${file('broken.ts')}:${where.line}:${where.column}: Unexpected ")"`);
    const failure = await loadUserStrategy(dataDir, 'broken').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DomainError);
    expect((failure as DomainError).message).toContain(`${file('broken.ts')}:${where.line}:${where.column}`);
  });

  it('refuses an import of a Node module at compile time, naming the importing line', async () => {
    const { dataDir, file } = dataDirWith({ 'reads-files.ts': NODE_IMPORT });
    const [info] = await listUserStrategies(dataDir);
    expect(info!.error).toContain(`${file('reads-files.ts')}:1:30: A strategy can import only 'kestrel' and its own relative files, not 'node:fs'`);
  });

  it('reports a throw inside onBar with the line of the user file, through a backtest', async () => {
    const { dataDir, file } = dataDirWith({ 'thrower.ts': THROWER });
    const where = position(THROWER, 'throw new RangeError', 'new RangeError');
    const definition = await loadUserStrategy(dataDir, 'thrower');
    // Closes 105.35, 102.71, 100.70, then 96.45: the fourth bar throws.
    const failure = (() => {
      try {
        backtestOf(definition, january2016(8));
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(UserStrategyError);
    const error = failure as UserStrategyError;
    expect(error.location).toEqual({ file: file('thrower.ts'), line: where.line, column: where.column });
    expect(error.message).toBe(`RangeError: close 96.449997 below 100 (in onBar, at ${file('thrower.ts')}:${where.line}:${where.column})`);
    expect(error.stack).toContain(`at Object.onBar (${file('thrower.ts')}:${where.line}:${where.column})`);
  });

  it('loads and locates errors inside a worker thread, as the backtest worker does', async () => {
    const { dataDir, file } = dataDirWith({ 'thrower.ts': THROWER });
    const where = position(THROWER, 'throw new RangeError', 'new RangeError');
    const tsx = createRequire(join(ROOT, 'package.json')).resolve('tsx/cjs/api');
    const script = `
      const { parentPort, workerData } = require('node:worker_threads');
      require(workerData.tsx).register();
      const { loadUserStrategy } = require(workerData.module);
      loadUserStrategy(workerData.dataDir, 'thrower').then(
        (definition) => {
          try {
            definition.create({}).onBar({}, { symbol: 'AAPL', close: 50 });
            parentPort.postMessage({ thrown: null });
          } catch (error) {
            parentPort.postMessage({ thrown: { name: error.name, message: error.message, location: error.location } });
          }
        },
        (error) => parentPort.postMessage({ failed: String(error) }),
      );`;
    const worker = new Worker(script, {
      eval: true,
      workerData: { tsx, module: join(ROOT, 'src/main/node/strategies/index.ts'), dataDir },
      env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.base.json') },
    });
    try {
      const reply = await new Promise<unknown>((done, fail) => {
        worker.once('message', done);
        worker.once('error', fail);
      });
      expect(reply).toEqual({
        thrown: {
          name: 'UserStrategyError',
          message: `RangeError: close 50 below 100 (in onBar, at ${file('thrower.ts')}:${where.line}:${where.column})`,
          location: { file: file('thrower.ts'), line: where.line, column: where.column },
        },
      });
    } finally {
      await worker.terminate();
    }
  });
});
