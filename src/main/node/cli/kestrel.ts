import { join } from 'node:path';
import { version } from '../../../../package.json';
import { processIo } from './io';
import { runCli } from './run-cli';

// Plain-Node entry (out/main/kestrel.js), started by bin/kestrel.cjs. Never imports electron.
const rendererDir = process.env.KESTREL_RENDERER_DIR ?? join(__dirname, '../renderer');

runCli(process.argv.slice(2), processIo(), { version, rendererDir }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`kestrel: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
