import { app } from 'electron';
import { join } from 'node:path';
import type { RendererLocation } from './app-url';

/** The dev server electron-vite started (ELECTRON_RENDERER_URL), else the built page. */
export function resolveRendererLocation(): RendererLocation {
  // Honoured only unpacked: a packaged app must never load whatever URL the environment names.
  const devUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
  if (devUrl) return { kind: 'dev-server', url: devUrl, origin: new URL(devUrl).origin };
  // The bundle lands in out/main/, beside out/renderer/ (inside app.asar when packaged).
  return { kind: 'file', path: join(__dirname, '../renderer/index.html') };
}
