import { fileURLToPath } from 'node:url';

/**
 * Where the renderer comes from, and therefore which URLs count as "the app": the electron-vite
 * dev server in development, the built `out/renderer/index.html` otherwise. Navigation, the IPC
 * sender check and the window all ask this one place. Pure, so it is unit-tested.
 */
export type RendererLocation =
  | { readonly kind: 'dev-server'; readonly url: string; readonly origin: string }
  | { readonly kind: 'file'; readonly path: string };

/** True for the app's own page: same dev-server origin, or exactly the built index.html. */
export function isAppUrl(location: RendererLocation, url: string, platform: NodeJS.Platform = process.platform): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (location.kind === 'dev-server') return parsed.origin === location.origin;
  if (parsed.protocol !== 'file:' || parsed.host !== '') return false;
  const path = fileURLToPath(parsed);
  // Windows paths are case-insensitive; elsewhere compare exactly.
  return platform === 'win32' ? path.toLowerCase() === location.path.toLowerCase() : path === location.path;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
