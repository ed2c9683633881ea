/**
 * The renderer's Content-Security-Policy, one string for every host: the Electron shell sets
 * it as a header, headless `serve` sends it with every page, and index.html carries the same
 * policy in a meta tag. No inline or remote script, no eval, no plugins; the page may only
 * talk back to its own engine.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The policy for a <meta> tag: browsers ignore (and warn about) frame-ancestors there. */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

/**
 * Development only (electron-vite dev): React Refresh injects an inline script and Vite
 * inline styles and an HMR socket. Never used by a build.
 */
export const DEV_CONTENT_SECURITY_POLICY = META_CONTENT_SECURITY_POLICY.replace(
  "script-src 'self'",
  "script-src 'self' 'unsafe-inline'",
)
  .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
  .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*");
