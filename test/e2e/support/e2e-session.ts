import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startServe, type ServeProcess } from './serve-process';

export interface E2eSession {
  /** The shared Chromium, launched once per test file. */
  browser(): Browser;
  /** Starts `kestrel serve` on a data directory (with extra environment); it is stopped after the test. */
  serve(dataDir: string, env?: Record<string, string>): Promise<ServeProcess>;
  /** Stops an engine early (e.g. to restart it on the same data directory). */
  stop(engine: ServeProcess): Promise<number | null>;
}

/** Registers the hooks every e2e file needs: one browser, engines stopped after each test. */
export function useE2eSession(): E2eSession {
  let browser: Browser | undefined;
  const started: ServeProcess[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  // Stop engines before tempDir() removes their data directories.
  afterEach(async () => {
    for (const engine of started.splice(0)) await engine.stop();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    browser() {
      if (!browser) throw new Error('The browser is not launched yet (use it inside a test)');
      return browser;
    },
    async serve(dataDir, env = {}) {
      const engine = await startServe(dataDir, [], env);
      started.push(engine);
      return engine;
    },
    async stop(engine) {
      const index = started.indexOf(engine);
      if (index >= 0) started.splice(index, 1);
      return engine.stop();
    },
  };
}
