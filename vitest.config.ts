import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@shared': resolve(__dirname, 'src/shared') };

// Three projects: unit tests beside the code, integration tests on real SQLite files and real
// sockets, end-to-end tests driving Chromium against `serve` (needs `npm run build` first).
export default defineConfig({
  resolve: { alias },
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node' } },
      {
        resolve: { alias },
        test: {
          name: 'int',
          include: ['test/int/**/*.int.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          // A poll waits on real sockets, threads and files: give a loaded CI machine time.
          expect: { poll: { timeout: 5_000 } },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 90_000,
          // Chromium, the engine and the test share two cores: 1 s (the default) is tight.
          expect: { poll: { timeout: 10_000 } },
          // One browser at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
