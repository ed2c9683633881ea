import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppUrl, type RendererLocation } from './app-url';

const built: RendererLocation = { kind: 'file', path: '/opt/Kestrel/resources/app.asar/out/renderer/index.html' };
const builtUrl = pathToFileURL(built.path).href;
const dev: RendererLocation = { kind: 'dev-server', url: 'http://localhost:5173/', origin: 'http://localhost:5173' };

describe('isAppUrl', () => {
  it('accepts the built index.html, with or without a hash or query', () => {
    expect(isAppUrl(built, builtUrl, 'linux')).toBe(true);
    expect(isAppUrl(built, `${builtUrl}#/settings`, 'linux')).toBe(true);
    expect(isAppUrl(built, `${builtUrl}?panel=chart`, 'linux')).toBe(true);
  });

  it('rejects other local files, remote file hosts and other schemes', () => {
    expect(isAppUrl(built, 'file:///etc/passwd', 'linux')).toBe(false);
    expect(isAppUrl(built, pathToFileURL('/opt/Kestrel/resources/app.asar/out/renderer/other.html').href, 'linux')).toBe(false);
    expect(isAppUrl(built, 'file://evil.example/opt/Kestrel/resources/app.asar/out/renderer/index.html', 'linux')).toBe(false);
    expect(isAppUrl(built, 'https://example.com/', 'linux')).toBe(false);
    expect(isAppUrl(built, 'not a url', 'linux')).toBe(false);
  });

  it('accepts any page on the dev server origin and nothing else', () => {
    expect(isAppUrl(dev, 'http://localhost:5173/index.html?x=1', 'linux')).toBe(true);
    expect(isAppUrl(dev, 'http://localhost:5174/', 'linux')).toBe(false);
    expect(isAppUrl(dev, 'http://127.0.0.1:5173/', 'linux')).toBe(false);
    expect(isAppUrl(dev, 'https://localhost:5173/', 'linux')).toBe(false);
  });
});
