import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../core/ports/logger';

/** The main window's last normal (unmaximized) bounds, kept in `<userData>/window-state.json`. */
export const WindowState = z.object({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowState>;

export function windowStateFile(userDataDir: string): string {
  return join(userDataDir, 'window-state.json');
}

/** The remembered state, or null when there is none yet or the file is unreadable. */
export function readWindowState(file: string, logger: Logger): WindowState | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (!isMissingFile(error)) logger.warn('Could not read the window state', { file, error: String(error) });
    return null;
  }
  const parsed = WindowState.safeParse(parseJson(text));
  if (!parsed.success) {
    logger.warn('Ignoring a corrupt window state file', { file });
    return null;
  }
  return parsed.data;
}

/**
 * Synchronous on purpose: the file is tiny, writes are debounced, and the write made while the
 * window closes must land before the process exits. Written aside then renamed so a crash
 * mid-write never leaves half a file.
 */
export function writeWindowState(file: string, state: WindowState, logger: Logger): void {
  const temp = `${file}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, `${JSON.stringify(state)}\n`, 'utf8');
    renameSync(temp, file);
  } catch (error) {
    logger.warn('Could not save the window state', { file, error: String(error) });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';
}
