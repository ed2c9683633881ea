#!/usr/bin/env node
// The `kestrel` command. Runs the built plain-Node entry; `npm run build` produces it.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const entry = join(__dirname, '..', 'out', 'main', 'kestrel.js');
if (!existsSync(entry)) {
  process.stderr.write('kestrel: not built yet. Run "npm run build" (or "npm run serve", which builds first).\n');
  process.exit(1);
}
require(entry);
