// Lint rules, including the architecture's arrows: shared ← core ← node ← electron;
// preload → shared; renderer → shared. See ARCHITECTURE.md ("Layers").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'worker_threads', 'stream', 'util', 'url', 'zlib'];
const ENGINE_PACKAGES = ['better-sqlite3', 'kysely', 'ws'];

const restrict = (patterns) => ['error', { patterns }];
const group = (group, message) => ({ group, message });

const noElectron = group(['electron', 'electron/*'], 'Only the shell (src/main/electron, src/main/index.ts) and the preload may import electron.');
const noMain = group(['**/main/**', '**/main'], 'The renderer, preload and shared code never import the engine (src/main); talk to it through the contract in src/shared.');
const noRenderer = group(['**/renderer/**'], 'Nothing imports the renderer.');
const noNode = group(NODE_BUILTINS, 'Node APIs are not available here; put this behind a port in src/main/core/ports and implement it in src/main/node.');
const noEnginePackages = group(ENGINE_PACKAGES, 'SQL, sqlite and sockets live in src/main/node only.');
const noNodeLayer = group(['**/node/**', '../node', '../../node'], 'The engine core does not import its Node implementations; depend on a port instead.');
const noShell = group(['**/electron/**'], 'Only src/main/index.ts imports the Electron shell.');

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'bin/**', 'build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.mjs', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-expect-error': 'allow-with-description' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': restrict([noElectron]),
    },
  },
  { files: ['**/*.mjs', 'scripts/**'], ...tseslint.configs.disableTypeChecked, languageOptions: { globals: globals.node } },
  // --- layers ---
  { files: ['src/shared/**/*.ts'], rules: { 'no-restricted-imports': restrict([noElectron, noMain, noRenderer, noNode, noEnginePackages]) } },
  {
    files: ['src/main/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict([noElectron, noRenderer, noNode, noEnginePackages, noNodeLayer, noShell]),
      // The core gets time and randomness from ports, so backtests and tests are deterministic.
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Use the Clock port, not Date.now().' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use the Clock port, not new Date().' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Use an injected seeded random source, not Math.random().' },
        { selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']", message: 'Use the Clock port, not performance.now().' },
        { selector: "CallExpression[callee.object.name='crypto'][callee.property.name=/^(randomUUID|getRandomValues)$/]", message: 'Use an injected random source.' },
      ],
    },
  },
  { files: ['src/main/node/**/*.ts'], rules: { 'no-restricted-imports': restrict([noElectron, noRenderer, noShell]) } },
  { files: ['src/main/electron/**/*.ts', 'src/main/index.ts'], rules: { 'no-restricted-imports': restrict([noRenderer]) } },
  { files: ['src/preload/**/*.ts'], rules: { 'no-restricted-imports': restrict([noMain, noRenderer, noNode, noEnginePackages]) } },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: { 'no-restricted-imports': restrict([noElectron, noMain, noNode, noEnginePackages]) },
  },
  {
    files: ['test/**/*.ts', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // vitest's asymmetric matchers (expect.objectContaining …) are typed any.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
