import { SourceMap, type SourceMapPayload } from 'node:module';
import { resolve } from 'node:path';

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

const INLINE_MAP = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/;

/**
 * Maps places in a compiled strategy back to the user's TypeScript, with the inline source
 * map esbuild wrote. `scriptName` is the file name the compiled code ran under (what stack
 * frames show); the map's sources are relative to `dir`.
 */
export class StrategyLocator {
  private readonly map: SourceMap | null;
  private readonly frame: RegExp;

  constructor(
    code: string,
    readonly scriptName: string,
    private readonly dir: string,
  ) {
    const encoded = INLINE_MAP.exec(code)?.[1];
    this.map = encoded ? new SourceMap(JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as SourceMapPayload) : null;
    this.frame = new RegExp(`${escapeRegExp(scriptName)}:(\\d+):(\\d+)`, 'g');
  }

  /** The user's line of the innermost stack frame inside the strategy, or null (none there). */
  locate(error: unknown): SourceLocation | null {
    const stack = error instanceof Error ? (error.stack ?? '') : '';
    for (const match of stack.matchAll(this.frame)) {
      const found = this.origin(Number(match[1]), Number(match[2]));
      if (found) return found;
    }
    return null;
  }

  /** The stack with every compiled position replaced by the user's file, line and column. */
  mapStack(stack: string): string {
    return stack.replace(this.frame, (whole, line: string, column: string) => {
      const found = this.origin(Number(line), Number(column));
      return found ? `${found.file}:${found.line}:${found.column}` : whole;
    });
  }

  /** 1-based generated line and column to the 1-based original ones. */
  private origin(line: number, column: number): SourceLocation | null {
    if (!this.map) return null;
    const found = this.map.findOrigin(line, column);
    if (!('fileName' in found)) return null;
    return { file: resolve(this.dir, found.fileName), line: found.lineNumber, column: found.columnNumber };
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
