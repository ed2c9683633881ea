import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '@shared/security/content-security-policy';
import { listeningEngine } from '../support/engine';

function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('headless page server', () => {
  it('serves the renderer with the strict CSP and no-store on the page', async () => {
    const { listening } = await listeningEngine();
    const page = await get(listening.port, `/?token=${listening.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Kestrel</title>');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await get(listening.port, '/app.js')).headers['content-type']).toMatch(/javascript/);
  });

  it('never serves a file outside the renderer folder', async () => {
    const { listening } = await listeningEngine();
    for (const path of ['/../package.json', '/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/etc/passwd', '/%00', '/%E0%A4%A']) {
      const res = await get(listening.port, path);
      expect([400, 403, 404], path).toContain(res.status);
      expect(res.body).not.toContain('"name"');
    }
  });

  it('refuses a foreign Host header (DNS rebinding) and methods other than GET/HEAD', async () => {
    const { listening } = await listeningEngine();
    expect((await get(listening.port, '/', { Host: 'evil.example' })).status).toBe(421);
    expect((await get(listening.port, '/', {}, 'POST')).status).toBe(405);
    expect((await get(listening.port, '/', { Host: `localhost:${listening.port}` })).status).toBe(200);
  });

  it('serves no pages when started as a control endpoint only', async () => {
    const { listening } = await listeningEngine({ rendererDir: null });
    expect((await get(listening.port, '/')).status).toBe(404);
  });
});
