import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { DEV_CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from './src/shared/security/content-security-policy';

const alias = { '@shared': resolve(__dirname, 'src/shared') };

/** Writes the one CSP into index.html, so the page, the shell and `serve` never disagree. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'kestrel-csp',
    transformIndexHtml(_html, context) {
      const policy = context.server ? DEV_CONTENT_SECURITY_POLICY : META_CONTENT_SECURITY_POLICY;
      return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }];
    },
  };
}

export default defineConfig({
  main: {
    // Native and Node-only packages stay in node_modules (better-sqlite3 must match its runtime).
    plugins: [externalizeDepsPlugin()],
    resolve: { alias },
    build: {
      rollupOptions: {
        input: {
          // Electron entry: the thin shell around the engine.
          index: resolve(__dirname, 'src/main/index.ts'),
          // Plain-Node entry: the `kestrel` CLI and headless `serve`. Must never import electron.
          kestrel: resolve(__dirname, 'src/main/node/cli/kestrel.ts'),
          // Backtest worker thread; found beside the entries at run time (backtest/worker/worker-entry.ts).
          'backtest-worker': resolve(__dirname, 'src/main/node/backtest/worker/backtest-worker.ts'),
        },
      },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    resolve: { alias },
    build: {
      // Sandboxed preloads cannot load ESM or require our own modules: bundle into one CJS file.
      rollupOptions: { output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias },
    plugins: [contentSecurityPolicy(), react()],
    build: {
      minify: true,
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') },
    },
  },
});
