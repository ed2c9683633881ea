import type { Session } from 'electron';

/**
 * Sets our Content-Security-Policy on http(s) responses, i.e. the dev server (the built page
 * is a file:// load with no headers; its meta tag carries the same policy, injected from
 * src/shared/security/content-security-policy.ts at build time).
 */
export function applyContentSecurityPolicy(target: Session, policy: string): void {
  target.webRequest.onHeadersReceived((details, callback) => {
    if (!/^https?:/i.test(details.url)) {
      callback({});
      return;
    }
    // Header names arrive in whatever case the server used; drop every variant before adding ours.
    const kept = Object.entries(details.responseHeaders ?? {}).filter(
      ([name]) => name.toLowerCase() !== 'content-security-policy',
    );
    const responseHeaders = Object.fromEntries([...kept, ['Content-Security-Policy', [policy]]]);
    callback({ responseHeaders });
  });
}
