import { app } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 must match Electron's ABI, while tests and `serve` need the Node build in
 * node_modules. Unpackaged (npm start), the shell uses the Electron build that
 * scripts/electron-native.mjs puts beside node_modules, so neither runtime breaks the other.
 * Packaged, electron-builder has already rebuilt the module inside the app.
 */
export function electronSqliteBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const file = join(app.getAppPath(), '.electron-native', 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}
