import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/main/core/ports/random';
import { tempDir } from '../support/temp-dir';

const ROOT = resolve(__dirname, '../..');
const CHILD = resolve(__dirname, 'support/crash-child.ts');
const SEED = 7;
const STEPS = 2500;
const KILLS = 20;

interface Run {
  stdout: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Runs the child once; with `killAfterMs`, SIGKILLs it that long after it has restored its books. */
function runChild(dataDir: string, killAfterMs?: number): Promise<Run> {
  return new Promise((done, fail) => {
    // `--import tsx` keeps the engine in this one process (the tsx CLI would fork a grandchild
    // that a SIGKILL leaves running).
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, String(SEED), String(STEPS)], {
      cwd: ROOT,
      env: { ...process.env, TSX_TSCONFIG_PATH: resolve(ROOT, 'tsconfig.test.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let armed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (killAfterMs !== undefined && !armed && stdout.includes('restored ')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', fail);
    child.once('exit', (code, signal) => {
      if (code !== 0 && signal !== 'SIGKILL') fail(new Error(`crash child failed (${code})\n${stderr}`));
      else done({ stdout, code, signal });
    });
  });
}

const acks = (stdout: string) => [...stdout.matchAll(/^ack (\S+)$/gm)].map((match) => match[1] ?? '');
const finalDigest = (stdout: string) => {
  const line = /^final (.*)$/m.exec(stdout)?.[1];
  if (!line) throw new Error('the child did not finish');
  return JSON.parse(line) as { orders: string[][]; fills: unknown[][]; positions: unknown[][]; cash: string };
};

describe('trading journal under SIGKILL', () => {
  it(
    'loses no acknowledged order or fill and duplicates none: the books equal an uninterrupted run',
    async () => {
      const reference = await runChild(tempDir('kestrel-crash-ref-'));
      const expected = finalDigest(reference.stdout);
      expect(expected.fills.length).toBeGreaterThan(20);
      expect(expected.orders.filter((order) => order[3] === 'canceled').length).toBeGreaterThan(5);
      expect(expected.orders.filter((order) => order[3] === 'replaced').length).toBeGreaterThan(5);

      const dataDir = tempDir('kestrel-crash-');
      const source = seededRandom(SEED);
      const random = () => source.next();
      const acknowledged = new Set<string>();
      let killed = 0;
      let finished: Run | null = null;
      while (!finished) {
        const kill = killed < KILLS ? 20 + Math.floor(random() * 200) : undefined;
        const run = await runChild(dataDir, kill);
        for (const id of acks(run.stdout)) acknowledged.add(id);
        if (run.signal === 'SIGKILL') killed += 1;
        else finished = run;
      }
      expect(killed).toBe(KILLS);
      const actual = finalDigest(finished.stdout);
      const clientIds = actual.orders.map((order) => order[0]);
      expect(new Set(clientIds).size).toBe(clientIds.length);
      for (const id of acknowledged) expect(clientIds).toContain(id);
      expect(actual).toEqual(expected);
    },
    240_000,
  );
});
