import type { Session } from 'electron';
import type { Logger } from '../core/ports/logger';

/**
 * The workstation needs no browser permission (camera, notifications, geolocation, clipboard
 * read, MIDI…): deny every request and every synchronous check.
 */
export function denyAllPermissions(target: Session, logger: Logger): void {
  target.setPermissionRequestHandler((contents, permission, callback) => {
    logger.warn('Denied a permission request', { permission, url: contents.getURL() });
    callback(false);
  });
  target.setPermissionCheckHandler(() => false);
}
