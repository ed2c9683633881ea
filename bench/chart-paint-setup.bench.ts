// Serves a data directory holding one 100,000-bar series, then measures the chart's first
// paint of it in Chromium (chart-paint.bench.ts). The series comes from the simulator's model:
// no single real symbol in ../shared/data has 100,000 bars, and paint time does not depend
// on where the prices came from.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bench } from './bench-row';
import { chartPaintBench } from './chart-paint.bench';
import { startServe } from '../test/e2e/support/serve-process';
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

  const engine = await startServe(dataDir);
  try {
    return await chartPaintBench({ url: engine.url, symbol: 'PAINT', timeframe: '1m', bars: BARS, runs: 5 });
  } finally {
    await engine.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};
