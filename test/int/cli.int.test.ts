import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import { runCli } from '../../src/main/node/cli/run-cli';
import type { CliIo } from '../../src/main/node/cli/io';
import { listen } from '../../src/main/node/headless/listen';
import { inProcessClient, testEngine } from '../support/engine';
import { tempDir } from '../support/temp-dir';

function captureIo(env: Record<string, string> = {}): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), env, untilStopped: () => new Promise(() => {}) };
}

const context = { version: '9.9.9', rendererDir: '/nonexistent' };

describe('kestrel CLI', () => {
  it('prints help and version', async () => {
    const io = captureIo();
    expect(await runCli(['--version'], io, context)).toBe(0);
    expect(await runCli(['--help'], io, context)).toBe(0);
    expect(io.stdout[0]).toBe('9.9.9');
    expect(io.stdout[1]).toMatch(/Usage: kestrel <command>/);
  });

  it('sends errors to stderr with a non-zero exit code', async () => {
    const io = captureIo();
    expect(await runCli(['frobnicate'], io, context)).toBe(2);
    expect(await runCli(['serve', '--port', 'abc'], io, context)).toBe(1);
    expect(await runCli(['serve', '--bogus'], io, context)).toBe(1);
    expect(io.stdout).toEqual([]);
    expect(io.stderr.join('\n')).toMatch(/unknown command "frobnicate"[\s\S]*--port must be[\s\S]*Unknown option '--bogus'/);
  });

  it('refuses to serve when the renderer is not built', async () => {
    const io = captureIo();
    expect(await runCli(['serve', '--port', '0', '--data-dir', tempDir()], io, context)).toBe(1);
    expect(io.stderr.join()).toMatch(/renderer is not built/);
  });

  it('changes settings in process when no engine runs, and validates them', async () => {
    const dataDir = tempDir();
    const io = captureIo();
    expect(await runCli(['settings', 'set', 'theme=light', 'confirmOrders=false', '--data-dir', dataDir, '--json'], io, context)).toBe(0);
    expect(JSON.parse(io.stdout[0]!)).toEqual({ ...DEFAULT_SETTINGS, theme: 'light', confirmOrders: false });
    expect(await runCli(['settings', 'set', 'theme=neon', '--data-dir', dataDir], io, context)).toBe(1);
    expect(io.stderr.join()).toMatch(/Invalid settings:[\s\S]*theme/);
    const engine = await testEngine({ dataDir });
    expect((await inProcessClient(engine).call('settings.get', {})).theme).toBe('light');
  });

  it('goes through the running engine instead of opening its database', async () => {
    const dataDir = tempDir();
    const engine = await testEngine({ dataDir });
    const listening = await listen(engine, { port: 0, host: '127.0.0.1', rendererDir: null });
    const watcher = inProcessClient(engine);
    const changes: string[] = [];
    watcher.subscribe('settings.changed', (s) => changes.push(s.theme));
    await watcher.call('system.ping', {});

    const io = captureIo();
    expect(await runCli(['settings', 'set', 'theme=light', '--data-dir', dataDir], io, context)).toBe(0);
    expect(changes).toEqual(['light']); // the running engine saw it, so it did the write
    expect(await runCli(['status', '--data-dir', dataDir, '--json'], io, context)).toBe(0);
    const status = JSON.parse(io.stdout.at(-1)!) as { running: boolean; pid: number; info: { host: string } };
    expect(status).toMatchObject({ running: true, pid: process.pid, info: { host: 'headless' } });
    await listening.close();
  });

  it('says when no engine runs', async () => {
    const io = captureIo();
    expect(await runCli(['status', '--data-dir', tempDir()], io, context)).toBe(3);
    expect(io.stdout[0]).toMatch(/No Kestrel engine is running/);
  });
});
