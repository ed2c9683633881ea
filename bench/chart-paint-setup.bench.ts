// Serves a data directory holding one 100,000-bar series, then measures the chart's first
// paint of it in Chromium (chart-paint.bench.ts). The series comes from the simulator's model:
// no single real symbol in ../shared/data has 100,000 bars, and paint time does not depend
// on where the prices came from.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bench } from './bench-row';
import { ROOT } from './bench-util';
import { chartPaintBench } from './chart-paint.bench';
import { openSqliteStore } from '../src/main/node/store/database';
import { migrateToLatest } from '../src/main/node/store/migrate';
import { SqliteBarStore } from '../src/main/node/store/sqlite-bar-store';
import { generateHistory } from '../src/main/core/feeds/simulator/sim-history';
import { SIM_PARAMS } from '../src/main/core/feeds/simulator/sim-instruments';
import { seededRandom } from '../src/main/core/ports/random';

const BARS = 100_000;

export const chartFirstPaintBench: Bench = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kestrel-paint-'));
  const db = openSqliteStore(join(dataDir, 'kestrel.db'));
  await migrateToLatest(db.db);
  const template = SIM_PARAMS[0]!;
  const days = Math.ceil(BARS / 1440);
  const bars = generateHistory({ instrument: { ...template, symbol: 'PAINT' }, random: seededRandom(1), endTime: Date.UTC(2026, 0, 1), days });
  new SqliteBarStore(db.sqlite).upsertBars('PAINT', '1m', bars.slice(-BARS));
  await db.close();

  const child = spawn(process.execPath, [join(ROOT, 'bin/kestrel.cjs'), 'serve', '--port', '0', '--data-dir', dataDir], {
    env: { ...process.env, KESTREL_LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((done, fail) => {
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        const match = /Kestrel ready at (\S+)/.exec(out);
        if (match?.[1]) done(match[1]);
      });
      child.once('exit', (code) => fail(new Error(`serve exited ${String(code)}`)));
    });
    return await chartPaintBench({ url, symbol: 'PAINT', timeframe: '1m', bars: BARS, runs: 5 });
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
    rmSync(dataDir, { recursive: true, force: true });
  }
};
