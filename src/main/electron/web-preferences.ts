import type { WebPreferences } from 'electron';

/**
 * The renderer is an untrusted web page: isolated, sandboxed, no Node. Its only door to the
 * engine is the preload's `window.kestrel` bridge.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}
