import { RpcError } from '@shared/client/rpc-error';
import { DataDirInUseError } from '../data-dir/engine-record';
import { MigrationMismatchError } from '../store/migrate';
import { CliError } from './cli-error';
import type { CliIo } from './io';
import { serveCommand, SERVE_HELP } from './commands/serve-command';
import { statusCommand, STATUS_HELP } from './commands/status-command';
import { settingsCommand, SETTINGS_HELP } from './commands/settings-command';
import { importCommand, IMPORT_HELP } from './commands/import-command';
import { barsCommand, BARS_HELP } from './commands/bars-command';
import { backfillCommand, BACKFILL_HELP } from './commands/backfill-command';
import { recordCommand, RECORD_HELP } from './commands/record-command';
import { accountCommand, ACCOUNT_HELP } from './commands/account-command';
import { positionsCommand, POSITIONS_HELP } from './commands/positions-command';
import { ordersCommand, ORDERS_HELP } from './commands/orders-command';
import { orderCommand, ORDER_HELP } from './commands/order-command';
import { killSwitchCommand, KILL_SWITCH_HELP } from './commands/kill-switch-command';
import { backtestCommand, BACKTEST_HELP } from './commands/backtest-command';
import { sweepCommand, SWEEP_HELP } from './commands/sweep-command';

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
  import     import OHLCV bars from CSV files (Yahoo, Stooq, generic, one file per symbol)
  bars       export stored bars as CSV or JSON
  backfill   fetch history from Polygon into the store (needs POLYGON_API_KEY)
  record     stream Polygon trades and minute bars into the store (needs POLYGON_API_KEY)
  account    show the trading account (equity, cash, buying power, P&L)
  positions  list open positions
  orders     list orders (--status open|closed|all, --symbol)
  order      place an order, cancel one, or cancel all working orders
  kill-switch  show, trip or reset the kill switch (blocks every new order while tripped)
  backtest   backtest a strategy on stored bars (or a CSV file) and save the result
  sweep      run a strategy over a parameter grid (grid, random, walk-forward) in worker threads

Options:
  --help       show help (also: kestrel <command> --help)
  --version    print the version
  --json       machine-readable output (where a command prints data)

Exit codes: 0 ok, 1 error, 2 usage (an unknown command; bad flags of the trading commands),
  3 order rejected (order place) or no engine running (status).

${SERVE_HELP}

${STATUS_HELP}

${SETTINGS_HELP}

${IMPORT_HELP}

${BARS_HELP}

${BACKFILL_HELP}

${RECORD_HELP}

${ACCOUNT_HELP}

${POSITIONS_HELP}

${ORDERS_HELP}

${ORDER_HELP}

${KILL_SWITCH_HELP}

${BACKTEST_HELP}

${SWEEP_HELP}`;

const COMMAND_HELP: Record<string, string> = {
  serve: SERVE_HELP,
  status: STATUS_HELP,
  settings: SETTINGS_HELP,
  import: IMPORT_HELP,
  bars: BARS_HELP,
  backfill: BACKFILL_HELP,
  record: RECORD_HELP,
  account: ACCOUNT_HELP,
  positions: POSITIONS_HELP,
  orders: ORDERS_HELP,
  order: ORDER_HELP,
  'kill-switch': KILL_SWITCH_HELP,
  backtest: BACKTEST_HELP,
  sweep: SWEEP_HELP,
};

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
      case 'import':
        return await importCommand(rest, io, context.version);
      case 'bars':
        return await barsCommand(rest, io, context.version);
      case 'backfill':
        return await backfillCommand(rest, io, context.version);
      case 'record':
        return await recordCommand(rest, io, context.version);
      case 'account':
        return await accountCommand(rest, io, context.version);
      case 'positions':
        return await positionsCommand(rest, io, context.version);
      case 'orders':
        return await ordersCommand(rest, io, context.version);
      case 'order':
        return await orderCommand(rest, io, context.version);
      case 'kill-switch':
        return await killSwitchCommand(rest, io, context.version);
      case 'backtest':
        return await backtestCommand(rest, io, context.version);
      case 'sweep':
        return await sweepCommand(rest, io, context.version);
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
