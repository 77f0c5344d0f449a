import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', '**/*.generated.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The build and test scripts are plain JavaScript run by Node: TypeScript does not check
    // them, so a name used but never defined has to be caught here.
    files: ['scripts/**/*.mjs'],
    languageOptions: {
      globals: Object.fromEntries(
        [
          'process',
          'console',
          'Buffer',
          'URL',
          'setTimeout',
          'clearTimeout',
          'setInterval',
          'clearInterval',
          'setImmediate',
          'structuredClone',
          'fetch',
          'AbortController',
        ].map((name) => [name, 'readonly']),
      ),
    },
    rules: { 'no-undef': 'error' },
  },
  {
    // The language service is pure: no editor API, no LSP connection, no Node I/O.
    files: ['server/src/language/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'The language service must not depend on the editor.' },
            { name: 'fs', message: 'The language service does no I/O; adapters read files.' },
            { name: 'node:fs', message: 'The language service does no I/O; adapters read files.' },
            { name: 'child_process', message: 'The language service does no I/O.' },
          ],
          patterns: [
            {
              group: [
                'vscode-languageserver',
                'vscode-languageserver/*',
                'vscode-languageclient',
                'vscode-languageclient/*',
              ],
              message:
                'The language service must not depend on the LSP connection; the server adapts it.',
            },
            {
              group: ['**/node/**', '**/client/**'],
              message: 'The language service must not import adapters.',
            },
          ],
        },
      ],
    },
  },
);
