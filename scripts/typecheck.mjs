// Type-checks each runtime against its own tsconfig, so a Node, DOM or Electron API used
// where it does not belong is a compile error (see ARCHITECTURE.md, "Runtimes").
import { spawnSync } from 'node:child_process';

const configs = ['shared', 'core', 'node', 'electron', 'preload', 'web', 'test'];
const tsc = 'node_modules/typescript/bin/tsc';
let failed = 0;
for (const name of configs) {
  const result = spawnSync(process.execPath, [tsc, '--noEmit', '-p', `tsconfig.${name}.json`], { stdio: 'inherit' });
  const ok = result.status === 0;
  console.log(`typecheck ${name.padEnd(8)} ${ok ? 'ok' : 'FAILED'}`);
  if (!ok) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
