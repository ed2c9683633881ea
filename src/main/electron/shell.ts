import { app, BrowserWindow, dialog, session } from 'electron';
import { join, resolve } from 'node:path';
import { startEngine } from '../node/host';
import { installAppMenu } from './app-menu';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from '@shared/security/content-security-policy';
import { listen } from '../node/headless/listen';
import { applyContentSecurityPolicy } from './content-security-policy';
import { createIpcAdapter } from './ipc-adapter';
import { openMainWindow } from './main-window';
import { guardAllWebContents } from './navigation-guard';
import { denyAllPermissions } from './permission-policy';
import { isAppUrl } from './app-url';
import { resolveRendererLocation } from './renderer-location';
import { closeEngineBeforeQuit } from './shutdown';
import { electronSqliteBinding } from './sqlite-binding';
import { SafeStorageVault } from './safe-storage-vault';

/**
 * Points userData (engine data, window state, Chromium profile and the single-instance lock)
 * somewhere else, so tests run against a throwaway profile beside a real instance.
 */
export const USER_DATA_ENV = 'KESTREL_ELECTRON_USER_DATA';

/** The Electron entry: one instance, one engine, one window around it. */
export function startShell(): void {
  app.setName('Kestrel');
  const userData = process.env[USER_DATA_ENV];
  if (userData) app.setPath('userData', resolve(userData));

  // The engine owns a SQLite file in userData: a second process must not open it.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app
    .whenReady()
    .then(boot)
    .catch((error: unknown) => {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(`[kestrel] start-up failed: ${message}`);
      dialog.showErrorBox('Kestrel could not start', message);
      app.exit(1);
    });
}

async function boot(): Promise<void> {
  const sqliteNativeBinding = electronSqliteBinding();
  const engine = await startEngine({
    dataDir: app.getPath('userData'),
    host: 'desktop',
    version: app.getVersion(),
    // Broker keys under the OS's own protection (Keychain, DPAPI, libsecret).
    vault: new SafeStorageVault(join(app.getPath('userData'), 'keys.safe')),
    ...(sqliteNativeBinding ? { sqliteNativeBinding } : {}),
  });
  const logger = engine.logger.child('shell');
  const renderer = resolveRendererLocation();
  const ownUrl = (url: string): boolean => isAppUrl(renderer, url);
  // A loopback-only, token-guarded endpoint without pages, so `kestrel` CLI commands reach
  // this engine through the contract instead of opening its database.
  const control = await listen(engine, { port: 0, host: '127.0.0.1', rendererDir: null });

  applyContentSecurityPolicy(session.defaultSession, renderer.kind === 'dev-server' ? DEV_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
  denyAllPermissions(session.defaultSession, logger);
  guardAllWebContents(ownUrl, logger);

  const ipc = createIpcAdapter(engine, ownUrl, logger);
  const stopEngine = async (): Promise<void> => {
    await control.close();
    await engine.close();
  };
  closeEngineBeforeQuit(stopEngine, ipc, logger);
  installAppMenu(engine, logger);

  let mainWindow = openMainWindow({ renderer, ipc, logger });
  const reopen = (): void => {
    if (mainWindow.isDestroyed()) mainWindow = openMainWindow({ renderer, ipc, logger });
  };

  app.on('second-instance', () => {
    reopen();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  // macOS keeps the app alive without windows and reopens one from the dock.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) reopen();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  logger.info('Desktop shell started', { renderer: renderer.kind, packaged: app.isPackaged });
}
