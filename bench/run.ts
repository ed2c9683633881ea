// `npm run bench`: builds, then runs every benchmark once and prints its figures.
// Targets are printed beside the figures; nothing here fails a build.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Bench, BenchRow } from './bench-row';
import { ROOT } from './bench-util';
import { foundationBench } from './foundation.bench';
import { ingestBench } from './ingest.bench';
import { indicatorsBench } from './indicators.bench';
import { storeBench } from './store.bench';
import { chartFirstPaintBench } from './chart-paint-setup.bench';
import { tradingBench } from './trading.bench';
import { backtestBench } from './backtest.bench';
import { sweepSpeedupRows } from './sweep.bench';

const benches: [string, Bench][] = [
  ['foundation', foundationBench],
  ['ingest', ingestBench],
  ['store', storeBench],
  ['indicators', indicatorsBench],
  ['chart', chartFirstPaintBench],
  ['trading', tradingBench],
  ['backtest', backtestBench],
  ['sweep', sweepSpeedupRows],
];

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'out/main/kestrel.js'))) throw new Error('Run "npm run build" first');
  const only = process.argv.slice(2);
  console.log(`Kestrel benchmarks — node ${process.version}, ${process.platform}/${process.arch}`);
  for (const [name, bench] of benches) {
    if (only.length > 0 && !only.includes(name)) continue;
    console.log(`\n## ${name}`);
    let rows: BenchRow[];
    try {
      rows = await bench();
    } catch (error) {
      console.log(`  FAILED: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
      continue;
    }
    for (const row of rows) {
      const verdict = row.met === undefined ? '' : row.met ? '  [target met]' : '  [TARGET MISSED]';
      const target = row.target ? `  (target ${row.target})` : '';
      console.log(`  ${row.name.padEnd(48)} ${row.value}${target}${verdict}`);
    }
  }
}

void main();
