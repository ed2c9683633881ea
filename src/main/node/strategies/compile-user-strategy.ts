import { resolve } from 'node:path';
import { build, type Message, type Plugin } from 'esbuild';

/** The one module a strategy file may import besides its own relative files. */
export const KESTREL_MODULE = 'kestrel';

export type CompileResult = { ok: true; code: string } | { ok: false; error: string };

/**
 * Bundles a user strategy (TypeScript, plus any relative files it imports) into one CommonJS
 * string with an inline source map. esbuild only strips types: it does not type-check, so a
 * type error surfaces at run time, if at all. Bare imports other than 'kestrel' are refused
 * here, with the importing line, so a strategy cannot reach Node modules by `import`.
 */
export async function compileUserStrategy(file: string): Promise<CompileResult> {
  const dir = resolve(file, '..');
  try {
    const result = await build({
      entryPoints: [file],
      absWorkingDir: dir,
      outfile: resolve(dir, 'bundle.js'),
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'neutral',
      target: 'node20',
      sourcemap: 'inline',
      sourcesContent: false,
      logLevel: 'silent',
      plugins: [onlyKestrel],
    });
    const output = result.outputFiles.find((out) => out.path.endsWith('.js'));
    if (!output) return { ok: false, error: `${file}: esbuild produced no output` };
    return { ok: true, code: output.text };
  } catch (error) {
    return { ok: false, error: describeBuildFailure(error, dir) };
  }
}

const onlyKestrel: Plugin = {
  name: 'kestrel-only',
  setup(plugin) {
    // Anything that is not a relative path: a package, a Node built-in, an absolute path.
    plugin.onResolve({ filter: /^[^.]/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (args.path === KESTREL_MODULE) return { path: KESTREL_MODULE, external: true };
      return { errors: [{ text: `A strategy can import only '${KESTREL_MODULE}' and its own relative files, not '${args.path}'` }] };
    });
  },
};

/** "file:line:column: message" per esbuild error (line 1-based, column 1-based). */
function describeBuildFailure(error: unknown, dir: string): string {
  const messages = isBuildFailure(error) ? error.errors : [];
  if (messages.length === 0) return error instanceof Error ? error.message : String(error);
  return messages.map((message) => formatMessage(message, dir)).join('\n');
}

function formatMessage(message: Message, dir: string): string {
  const at = message.location;
  if (!at) return message.text;
  return `${resolve(dir, at.file)}:${at.line}:${at.column + 1}: ${message.text}`;
}

function isBuildFailure(error: unknown): error is { errors: Message[] } {
  return typeof error === 'object' && error !== null && Array.isArray((error as { errors?: unknown }).errors);
}
