import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const CHILD = resolve(__dirname, 'journal-crash-child.ts');

export interface ChildRun {
  committed: number[];
  signal: NodeJS.Signals | null;
}

/** Runs the appending child; SIGKILLs it `delayMs` after its `killAfter`-th commit of this run. */
export function runAppender(file: string, killAfter: number, delayMs: number): Promise<ChildRun> {
  return new Promise((done, fail) => {
    // `--import tsx` keeps the writer in this one process; the tsx CLI would run it in a
    // grandchild that a SIGKILL of the CLI leaves running.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file], {
      cwd: ROOT,
      env: { ...process.env, TSX_TSCONFIG_PATH: resolve(ROOT, 'tsconfig.test.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let armed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (!armed && (stdout.match(/^committed /gm)?.length ?? 0) >= killAfter) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', fail);
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGKILL') fail(new Error(`the appender exited on its own (${code})\n${stderr}`));
      else done({ committed: [...stdout.matchAll(/^committed (\d+)$/gm)].map((match) => Number(match[1])), signal });
    });
  });
}
