import { app, shell, type WebContents } from 'electron';
import type { Logger } from '../core/ports/logger';

/**
 * Keeps every web contents on the app's own page: no navigation or redirect elsewhere, no new
 * windows, no <webview>. https links asked to open in a new window go to the system browser.
 * Installed before the first window so no contents escapes it.
 */
export function guardAllWebContents(isAppUrl: (url: string) => boolean, logger: Logger): void {
  app.on('web-contents-created', (_event, contents) => {
    guard(contents, isAppUrl, logger);
  });
}

function guard(contents: WebContents, isAppUrl: (url: string) => boolean, logger: Logger): void {
  const blockForeign = (event: { url: string; preventDefault(): void }, kind: string): void => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    logger.warn(`Blocked ${kind}`, { url: event.url });
  };
  contents.on('will-navigate', (event) => {
    blockForeign(event, 'navigation');
  });
  contents.on('will-redirect', (event) => {
    blockForeign(event, 'redirect');
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('Blocked a webview', { url: contents.getURL() });
  });

  contents.setWindowOpenHandler(({ url }) => {
    if (isHttps(url)) {
      shell.openExternal(url).catch((error: unknown) => {
        logger.warn('Could not open a link in the system browser', { url, error: String(error) });
      });
    } else {
      logger.warn('Blocked a new window', { url });
    }
    return { action: 'deny' };
  });
}

function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
