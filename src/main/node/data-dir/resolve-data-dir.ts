import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_FOLDER = 'Kestrel';

/**
 * The OS app-data folder, the same one Electron's `app.getPath('userData')` gives for an app
 * named Kestrel, so desktop, `serve` and the CLI find the same data by default.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER);
}

/** `--data-dir` wins over `KESTREL_DATA_DIR`, which wins over the OS default. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag ?? env.KESTREL_DATA_DIR;
  return chosen ? resolve(chosen) : defaultDataDir(process.platform, env);
}
