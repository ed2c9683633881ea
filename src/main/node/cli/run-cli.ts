import { RpcError } from '@shared/client/rpc-error';
import { DataDirInUseError } from '../data-dir/engine-record';
import { MigrationMismatchError } from '../store/migrate';
import { CliError } from './cli-error';
import type { CliIo } from './io';
import { serveCommand, SERVE_HELP } from './commands/serve-command';
import { statusCommand, STATUS_HELP } from './commands/status-command';
import { settingsCommand, SETTINGS_HELP } from './commands/settings-command';

export interface CliContext {
  version: string;
  rendererDir: string;
}

const HELP = `Kestrel — desktop trading workstation

Usage: kestrel <command> [options]

Commands:
  serve      start the engine headless and serve the workstation to a browser
  status     show the engine that owns the data directory
  settings   read or change settings

Options:
  --help       show help (also: kestrel <command> --help)
  --version    print the version
  --json       machine-readable output (where a command prints data)

${SERVE_HELP}

${STATUS_HELP}

${SETTINGS_HELP}`;

const COMMAND_HELP: Record<string, string> = { serve: SERVE_HELP, status: STATUS_HELP, settings: SETTINGS_HELP };

/** Runs one CLI invocation; returns the exit code. Errors go to stderr, results to stdout. */
export async function runCli(argv: string[], io: CliIo, context: CliContext): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.out(context.version);
    return 0;
  }
  const help = COMMAND_HELP[command];
  if (help && (rest.includes('--help') || rest.includes('-h'))) {
    io.out(help);
    return 0;
  }
  try {
    switch (command) {
      case 'serve':
        return await serveCommand(rest, io, context);
      case 'status':
        return await statusCommand(rest, io);
      case 'settings':
        return await settingsCommand(rest, io, context.version);
      default:
        io.err(`kestrel: unknown command "${command}". Run "kestrel --help".`);
        return 2;
    }
  } catch (error) {
    io.err(`kestrel ${command}: ${describe(error)}`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}

function describe(error: unknown): string {
  if (error instanceof CliError || error instanceof DataDirInUseError || error instanceof MigrationMismatchError) return error.message;
  if (error instanceof RpcError) return `${error.code}: ${error.message}`;
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
