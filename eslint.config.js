// Lint keeps the process boundaries of docs/architecture.md: the renderer never reaches into main,
// shared code imports neither Node nor the DOM-side folders, and only the Electron shell (and the
// preload) may import `electron`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'net', 'http', 'https', 'child_process', 'crypto', 'url'];

const electronOnlyInShell = {
  group: ['electron', 'electron/*'],
  message: 'Only the Electron shell (src/main/electron) and the preload may import electron.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    // Type-aware rules read the types of the two tsconfigs (node side and web side) through the
    // TypeScript project service, which finds the tsconfig that includes each file.
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-ignore': true, 'ts-nocheck': true, 'ts-expect-error': 'allow-with-description' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Counts, ports and milliseconds in messages print as the reader expects; objects still do not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `() => set(x)` in handlers and effects is the usual shorthand; a void value in other places still is not.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    // Plain JS files (this config, bin/, .mjs scripts) are in no tsconfig: lint them without types
    // (after the rule options above, which would otherwise turn two typed rules back on).
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: [
      '**/*.{js,mjs,cjs}',
      'scripts/**',
      'bin/**',
      'tests/**',
      '*.config.ts',
      'src/main/**',
      'src/preload/**',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronOnlyInShell,
            {
              group: ['**/renderer/**', '**/preload/**'],
              message: 'Main must not import renderer or preload code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'The shell must not import renderer code.' }] },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**'],
              message: 'The preload only knows the shared contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins
            .filter((n) => !n.includes('*'))
            .map((name) => ({ name, message: 'The renderer has no Node.' })),
          patterns: [
            electronOnlyInShell,
            { group: ['node:*'], message: 'The renderer has no Node.' },
            {
              group: ['**/main/**', '**/preload/**'],
              message: 'The renderer talks to main only through the contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins
            .filter((n) => !n.includes('*'))
            .map((name) => ({ name, message: 'Shared code runs on both sides: no Node.' })),
          patterns: [
            electronOnlyInShell,
            { group: ['node:*'], message: 'Shared code runs on both sides: no Node.' },
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'Shared imports neither side.',
            },
            { group: ['react', 'react-dom', 'react-dom/*'], message: 'Shared code has no DOM.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'require'],
    },
  },
  ...moduleSurfaceBlocks(),
);

/**
 * These capabilities of src/main are used through their index.ts from everywhere else in src: their
 * other files are internal and may change without the rest of main noticing. Files inside a module
 * import each other freely; tests may import inner files. Only src/main can reach these folders at
 * all (the blocks above keep the renderer, preload and shared out), and the renderer has folders of
 * the same names, so the rule is scoped to src/main. It uses the typescript-eslint twin of
 * no-restricted-imports so that it adds to the boundary rules above instead of replacing them (a
 * later block's options for the same rule replace the earlier ones). One block per module (plus
 * one for the rest) because each file needs every restriction but its own module's at once.
 */
function moduleSurfaceBlocks() {
  const modules = ['store', 'config', 'kpi', 'monitor'];
  const innerFilesOf = (name) => ({
    group: [`**/${name}/*`, `!**/${name}/index`, `!**/${name}/index.ts`],
    message: `Import src/main/${name} through its index.ts; its other files are internal to it.`,
  });
  // The size simulation fills a year of rollups straight through the store's rollup writer and
  // codec, below the public surface, to measure the tables the writer produces.
  const storeInternalsAllowed = ['src/main/bench/size-simulation.ts'];
  const block = (files, restricted, ignores = []) => ({
    files,
    ignores,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: restricted.map(innerFilesOf) }],
    },
  });
  return [
    block(['src/main/**/*.ts'], modules, [
      ...modules.map((m) => `src/main/${m}/**`),
      ...storeInternalsAllowed,
    ]),
    ...modules.map((own) =>
      block(
        [`src/main/${own}/**/*.ts`],
        modules.filter((m) => m !== own),
      ),
    ),
    block(
      storeInternalsAllowed,
      modules.filter((m) => m !== 'store'),
    ),
  ];
}
