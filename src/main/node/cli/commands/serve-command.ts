import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startEngine } from '../../host';
import { listen } from '../../headless/listen';
import { resolveDataDir } from '../../data-dir/resolve-data-dir';
import { isLogLevel } from '../../logging/engine-logger';
import { CliError } from '../cli-error';
import type { CliIo } from '../io';
import { parsePort } from '../parse';

export const SERVE_HELP = `kestrel serve [options]
  Start the engine headless and serve the workstation to a browser.
  --port N         port to listen on; 0 picks a free one (default 8420)
  --host ADDR      address to bind (default 127.0.0.1)
  --data-dir DIR   data directory (default: KESTREL_DATA_DIR, else the OS app-data folder)
  --token TOKEN    access token (default: KESTREL_TOKEN, else a fresh random one)
Prints one line "Kestrel ready at URL" when it accepts connections. Stop with Ctrl+C.`;

export async function serveCommand(args: string[], io: CliIo, context: { version: string; rendererDir: string }): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      token: { type: 'string' },
    },
    strict: true,
  });
  const port = parsePort(values.port ?? '8420');
  const token = values.token ?? io.env.KESTREL_TOKEN;
  if (token !== undefined && !/^[\w.~-]{16,200}$/.test(token)) {
    throw new CliError('A token must be 16 to 200 characters of letters, digits, "-", "_", "." or "~".');
  }
  if (!existsSync(join(context.rendererDir, 'index.html'))) {
    throw new CliError(`The renderer is not built (no ${context.rendererDir}/index.html). Run "npm run build" first.`);
  }
  const level = io.env.KESTREL_LOG_LEVEL;
  const engine = await startEngine({
    dataDir: resolveDataDir(values['data-dir'], io.env),
    host: 'headless',
    version: context.version,
    stderrLevel: isLogLevel(level) ? level : 'info',
  });
  let listening;
  try {
    listening = await listen(engine, {
      port,
      host: values.host ?? '127.0.0.1',
      rendererDir: context.rendererDir,
      ...(token === undefined ? {} : { token }),
    });
  } catch (error) {
    await engine.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(`Port ${port} is already in use; choose another with --port (0 picks a free one).`);
    throw error;
  }
  io.out(`Kestrel ready at ${listening.url}`);
  const signal = await io.untilStopped();
  engine.logger.info('Stopping', { signal });
  await listening.close();
  await engine.close();
  return 0;
}
