import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Launches the built desktop app (package.json "main" → out/main/index.js) and checks the window
 * and the renderer's isolation. Needs Electron's binary, which machines installed with
 * ELECTRON_SKIP_BINARY_DOWNLOAD lack: there the suite is skipped, loudly.
 */
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const mainEntry = join(repoRoot, 'out/main/index.js');

/** The `electron` package exports its binary's path, or throws when it was never downloaded. */
function findElectronBinary(): string | null {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const electronBinary = findElectronBinary();
if (!electronBinary) {
  console.warn(
    [
      '',
      '='.repeat(100),
      'SKIPPED: Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): the desktop window test is',
      'skipped; the same renderer and engine are covered by the serve-mode e2e tests.',
      '='.repeat(100),
      '',
    ].join('\n'),
  );
}

/** The slice of the main-process `electron` module the checks below use. */
interface MainElectron {
  BrowserWindow: { getAllWindows(): { getTitle(): string; isVisible(): boolean }[] };
}

describe.skipIf(electronBinary === null)('desktop window (Electron)', () => {
  let userData = '';
  let app: ElectronApplication | undefined;
  let page: Page;
  const launched = (): ElectronApplication => {
    if (!app) throw new Error('the app did not launch');
    return app;
  };

  beforeAll(async () => {
    expect(existsSync(mainEntry), `${mainEntry} is missing: run \`npm run build\` first`).toBe(true);
    userData = mkdtempSync(join(tmpdir(), 'kestrel-electron-'));
    app = await _electron.launch({
      executablePath: electronBinary ?? undefined,
      // The project folder, not the file: Electron then reads package.json (name, version, main).
      args: [repoRoot],
      cwd: repoRoot,
      env: childEnv({ KESTREL_ELECTRON_USER_DATA: userData }),
      timeout: 60_000,
    });
    page = await app.firstWindow();
  });

  afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  it('shows the workstation in a window titled Kestrel', async () => {
    await page.getByTestId('workstation').waitFor({ state: 'visible', timeout: 30_000 });
    // Typed by hand: the test tsconfig maps `electron` to a stub (build/typecheck/README.md).
    const windows = await launched().evaluate((electron: unknown) =>
      (electron as MainElectron).BrowserWindow.getAllWindows().map((win) => ({
        title: win.getTitle(),
        visible: win.isVisible(),
      })),
    );
    expect(windows).toHaveLength(1);
    expect(windows[0]?.title).toMatch(/Kestrel/);
    expect(windows[0]?.visible).toBe(true);
  });

  it('gives the renderer the kestrel bridge and no Node', async () => {
    const globals = await page.evaluate(() => {
      const scope = window as unknown as Record<string, unknown>;
      const bridge = scope['kestrel'] as Record<string, unknown> | undefined;
      return {
        bridge: Object.keys(bridge ?? {}).sort(),
        require: typeof scope['require'],
        process: typeof scope['process'],
        module: typeof scope['module'],
      };
    });
    expect(globals).toEqual({ bridge: ['invoke', 'onEvent'], require: 'undefined', process: 'undefined', module: 'undefined' });
  });

  it('answers a request over the bridge with the engine info', async () => {
    const response = await page.evaluate(() => {
      const bridge = (window as unknown as Record<string, { invoke(message: unknown): Promise<unknown> }>)['kestrel'];
      return bridge?.invoke({ kind: 'request', id: 1, method: 'system.info' });
    });
    expect(response).toMatchObject({ kind: 'response', id: 1, ok: true, result: { name: 'Kestrel', host: 'desktop' } });
  });
});

/** The test's environment, minus a dev-server URL that would make the shell skip out/renderer. */
function childEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'ELECTRON_RENDERER_URL' && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
  }
  return { ...env, ...extra };
}
