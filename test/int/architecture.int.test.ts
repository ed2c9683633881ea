import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

/** Lints a snippet as if it were the file at `path`, with the project's own config. */
async function lintAs(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: root,
    // The snippet is not on disk, so type-aware rules cannot run; the boundary rules do not need them.
    overrideConfig: [
      tseslint.configs.disableTypeChecked,
      { languageOptions: { parserOptions: { projectService: false, project: null } } },
    ],
  });
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

/** Type-checks a snippet as if it were the file at `path`, under the given runtime's tsconfig. */
function typecheckAs(config: string, path: string, code: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(resolve(root, config), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!parsed) throw new Error(`cannot read ${config}`);
  const file = resolve(root, path);
  const host = ts.createCompilerHost(parsed.options);
  const original = { getSourceFile: host.getSourceFile.bind(host), fileExists: host.fileExists.bind(host) };
  host.fileExists = (name) => name === file || original.fileExists(name);
  host.getSourceFile = (name, language) =>
    name === file ? ts.createSourceFile(name, code, language) : original.getSourceFile(name, language);
  const program = ts.createProgram({ rootNames: [file], options: parsed.options, host });
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(file))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('layer boundaries (lint)', () => {
  it('fails an import from the renderer into src/main', async () => {
    const messages = await lintAs('src/renderer/src/probe.ts', "import { startEngine } from '../../main/node/host';\nvoid startEngine;\n");
    expect(messages.join('\n')).toMatch(/no-restricted-imports: .*never import the engine/);
  });

  it('fails electron, Node or SQL imports outside the shell', async () => {
    expect((await lintAs('src/main/node/probe.ts', "import { app } from 'electron';\nvoid app;\n")).join()).toMatch(/Only the shell/);
    expect((await lintAs('src/main/core/probe.ts', "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n")).join()).toMatch(/Node APIs/);
    expect((await lintAs('src/main/core/probe.ts', "import { Kysely } from 'kysely';\nvoid Kysely;\n")).join()).toMatch(/SQL, sqlite and sockets/);
    expect((await lintAs('src/shared/probe.ts', "import { join } from 'path';\nvoid join;\n")).join()).toMatch(/Node APIs/);
    expect((await lintAs('src/preload/probe.ts', "import '../main/node/host';\n")).join()).toMatch(/never import the engine/);
  });

  it('fails wall-clock time and randomness in the engine core', async () => {
    const messages = await lintAs('src/main/core/probe.ts', 'export const a = Date.now();\nexport const b = Math.random();\nexport const c = new Date();\n');
    expect(messages.filter((m) => m.startsWith('no-restricted-syntax'))).toHaveLength(3);
  });

  it('allows the same calls where they belong', async () => {
    expect(await lintAs('src/main/electron/probe.ts', "import { app } from 'electron';\nvoid app;\n")).toEqual([]);
    expect(await lintAs('src/main/node/probe.ts', 'export const now = Date.now();\n')).toEqual([]);
  });
});

describe('runtime boundaries (tsconfig per runtime)', () => {
  it('rejects Node APIs in shared code and in the engine core', () => {
    expect(typecheckAs('tsconfig.shared.json', 'src/shared/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n").join()).toMatch(/node:fs/);
    expect(typecheckAs('tsconfig.core.json', 'src/main/core/probe.ts', 'export const x = process.pid;\n').join()).toMatch(/process/);
  });

  it('rejects the DOM outside the renderer', () => {
    expect(typecheckAs('tsconfig.core.json', 'src/main/core/probe.ts', 'export const x = document.title;\n').join()).toMatch(/document/);
    expect(typecheckAs('tsconfig.node.json', 'src/main/node/probe.ts', 'export const x = window.location;\n').join()).toMatch(/window/);
  });

  it('rejects Electron outside the shell and the preload', () => {
    expect(typecheckAs('tsconfig.node.json', 'src/main/node/probe.ts', "import { app } from 'electron';\nexport const x = app;\n").join()).toMatch(/electron/);
    expect(typecheckAs('tsconfig.web.json', 'src/renderer/src/probe.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n").join()).toMatch(/electron/);
  });

  it('rejects Node APIs in the renderer', () => {
    expect(typecheckAs('tsconfig.web.json', 'src/renderer/src/probe.ts', 'export const x = process.env;\n').join()).toMatch(/process/);
  });

  it('accepts each runtime its own APIs', () => {
    expect(typecheckAs('tsconfig.node.json', 'src/main/node/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toEqual([]);
    expect(typecheckAs('tsconfig.web.json', 'src/renderer/src/probe.ts', 'export const x = document.title;\n')).toEqual([]);
    expect(typecheckAs('tsconfig.electron.json', 'src/main/electron/probe.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
  });
});
