// Builds better-sqlite3 for Electron's ABI into .electron-native/, beside (not instead of) the
// Node build in node_modules that tests and `serve` use. The desktop shell loads it through
// better-sqlite3's `nativeBinding` option when it exists (src/main/electron/sqlite-binding.ts).
// Needs the internet (a prebuilt binary or Electron's headers); skipped when up to date.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = join(root, '.electron-native');
const binding = join(out, 'better_sqlite3.node');
const stamp = join(out, 'versions.json');
const read = (file) => JSON.parse(readFileSync(file, 'utf8'));
const versions = {
  electron: read(join(root, 'node_modules/electron/package.json')).version,
  betterSqlite3: read(join(root, 'node_modules/better-sqlite3/package.json')).version,
  arch: process.arch,
};

if (existsSync(binding) && existsSync(stamp) && JSON.stringify(read(stamp)) === JSON.stringify(versions)) {
  console.log(`better-sqlite3 for Electron ${versions.electron} is up to date`);
  process.exit(0);
}

const work = join(out, 'work');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(join(root, 'node_modules/better-sqlite3'), work, { recursive: true, filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`) });

const bin = (name) => join(root, 'node_modules/.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const run = (command, args) => execFileSync(command, args, { cwd: work, stdio: 'inherit', shell: process.platform === 'win32' });
try {
  run(bin('prebuild-install'), ['--runtime', 'electron', '--target', versions.electron, '--arch', versions.arch]);
} catch {
  console.log('No prebuilt binary; compiling against Electron headers');
  run(bin('node-gyp'), ['rebuild', '--release', '--runtime=electron', `--target=${versions.electron}`, `--arch=${versions.arch}`, '--dist-url=https://electronjs.org/headers']);
}
copyFileSync(join(work, 'build/Release/better_sqlite3.node'), binding);
rmSync(work, { recursive: true, force: true });
writeFileSync(stamp, JSON.stringify(versions));
console.log(`better-sqlite3 for Electron ${versions.electron} → ${binding}`);
