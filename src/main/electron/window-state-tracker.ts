import type { BrowserWindow } from 'electron';
import type { Logger } from '../core/ports/logger';
import { writeWindowState } from './window-state';

const SAVE_DELAY_MS = 500;

/** Saves the window's bounds shortly after it stops moving or resizing, and once more on close. */
export function trackWindowState(win: BrowserWindow, file: string, logger: Logger): void {
  let timer: NodeJS.Timeout | undefined;

  const save = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (win.isDestroyed()) return;
    // Normal bounds, so restoring a maximized window later returns to the size the user chose.
    const { x, y, width, height } = win.getNormalBounds();
    const state = { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) };
    writeWindowState(file, { ...state, maximized: win.isMaximized() }, logger);
  };
  const saveSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };

  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);
  win.on('close', save);
  win.on('closed', () => {
    clearTimeout(timer);
  });
}
