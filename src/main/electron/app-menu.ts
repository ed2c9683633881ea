import { app, BrowserWindow, dialog, Menu, shell, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '@shared/contract/events';
import type { Logger } from '../core/ports/logger';
import type { Engine } from '../node/host';

/**
 * The application menu. Commands the UI owns (settings, theme) are published on the engine's
 * `app.command` topic rather than sent to a window, so every client hears them the same way.
 */
export function installAppMenu(engine: Engine, logger: Logger): void {
  const isMac = process.platform === 'darwin';
  const send = (command: AppCommand['command']) => (): void => {
    engine.publish('app.command', { command });
  };
  const about = (): void => {
    showAbout(engine, logger);
  };
  const openData = (): void => {
    openDataFolder(logger);
  };
  const settings: MenuItemConstructorOptions = {
    label: 'Settings…',
    accelerator: 'CmdOrCtrl+,',
    click: send('open-settings'),
  };

  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [macAppMenu(settings)] : []),
    {
      label: 'File',
      submenu: isMac ? [{ role: 'close' }] : [settings, { type: 'separator' }, { role: 'quit' }],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { label: 'Toggle Theme', click: send('toggle-theme') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...developerItems(),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        // macOS shows About in the app menu instead.
        ...(isMac ? [] : [{ label: 'About Kestrel', click: about }]),
        { label: 'Open Data Folder', click: openData },
      ],
    },
  ];
  app.setAboutPanelOptions({ applicationName: 'Kestrel', applicationVersion: app.getVersion() });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function macAppMenu(settings: MenuItemConstructorOptions): MenuItemConstructorOptions {
  return {
    label: 'Kestrel',
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      settings,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
}

/** Reload and DevTools only in development: a packaged app has no use for them. */
function developerItems(): MenuItemConstructorOptions[] {
  if (app.isPackaged) return [];
  return [{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }];
}

function showAbout(engine: Engine, logger: Logger): void {
  const { versions } = process;
  const options = {
    type: 'info' as const,
    title: 'About Kestrel',
    message: `Kestrel ${app.getVersion()}`,
    detail: [
      `Protocol ${engine.info.protocol} · ${engine.info.mode} trading`,
      `Electron ${versions.electron} · Chromium ${versions.chrome} · Node ${versions.node}`,
      `Data: ${engine.info.dataDir}`,
    ].join('\n'),
    buttons: ['OK'],
  };
  const parent = BrowserWindow.getFocusedWindow();
  const shown = parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options);
  shown.catch((error: unknown) => {
    logger.warn('Could not show the About box', { error: String(error) });
  });
}

function openDataFolder(logger: Logger): void {
  const folder = app.getPath('userData');
  shell
    .openPath(folder)
    .then((failure) => {
      // openPath resolves with an error message rather than rejecting.
      if (failure) logger.warn('Could not open the data folder', { folder, error: failure });
    })
    .catch((error: unknown) => {
      logger.warn('Could not open the data folder', { folder, error: String(error) });
    });
}
