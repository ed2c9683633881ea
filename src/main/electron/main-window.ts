import { app, BrowserWindow, screen } from 'electron';
import { join } from 'node:path';
import type { Logger } from '../core/ports/logger';
import type { IpcAdapter } from './ipc-adapter';
import type { RendererLocation } from './app-url';
import { secureWebPreferences } from './web-preferences';
import { MIN_SIZE, placeWindow } from './window-bounds';
import { readWindowState, windowStateFile } from './window-state';
import { trackWindowState } from './window-state-tracker';

/** The dark theme's --bg (src/renderer/src/styles/theme.css): no white flash before the first paint. */
const BACKGROUND_COLOR = '#090c10';

export interface MainWindowDeps {
  readonly renderer: RendererLocation;
  readonly ipc: IpcAdapter;
  readonly logger: Logger;
}

/** Opens the workstation window where the user left it; shown once its first frame is ready. */
export function openMainWindow({ renderer, ipc, logger }: MainWindowDeps): BrowserWindow {
  const stateFile = windowStateFile(app.getPath('userData'));
  const saved = readWindowState(stateFile, logger);
  const placement = placeWindow(saved, screen.getAllDisplays().map((display) => display.workArea));

  const win = new BrowserWindow({
    ...placement,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Kestrel',
    backgroundColor: BACKGROUND_COLOR,
    show: false,
    // Linux takes the window icon from here; macOS and Windows use the packaged app's icon.
    ...(process.platform === 'linux' ? { icon: join(__dirname, '../../resources/icon.png') } : {}),
    // One bundled CJS file beside out/main/ (see electron.vite.config.ts); sandboxed preloads can't load ESM.
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js')),
  });

  ipc.attach(win.webContents);
  trackWindowState(win, stateFile, logger);
  win.once('ready-to-show', () => {
    if (saved?.maximized) win.maximize();
    win.show();
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    logger.error('The renderer process is gone', { reason: details.reason, exitCode: details.exitCode });
  });

  load(win, renderer).catch((error: unknown) => {
    logger.error('Could not load the renderer', { error: String(error) });
    // ready-to-show may never come for a failed load; show the window rather than nothing.
    if (!win.isDestroyed()) win.show();
  });
  return win;
}

function load(win: BrowserWindow, renderer: RendererLocation): Promise<void> {
  return renderer.kind === 'dev-server' ? win.loadURL(renderer.url) : win.loadFile(renderer.path);
}
