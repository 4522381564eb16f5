// ESLint: typescript-eslint (strict, type-aware) and the architecture of DEVELOPERS.md as import boundaries.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'zlib', 'util', 'stream'];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'examples/',
      'docs/',
      'tests/e2e/fake-office.js',
      '**/*.mjs',
      '**/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.json', './tsconfig.addin.json'], tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // With noUncheckedIndexedAccess every checked index (rows[i] inside `i < rows.length`) needs a `!`: the
      // compiler already makes us say it, and the alternative (a throw or a default per read) hides real bugs.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              // The engine is pure: it imports nothing outside itself.
              target: './src/validation',
              from: './src',
              except: ['./validation'],
              message: 'src/validation imports nothing outside itself (DEVELOPERS.md: the engine is pure).',
            },
            {
              // Rules share helpers through rules/shared, never through another rule.
              target: './src/validation/rules/!(shared)/**',
              from: './src/validation/rules/!(shared)/**',
              message: 'A rule does not import another rule: move what both need to src/validation/rules/shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Office.js only in src/office/, shared by the pane and the worksheet functions.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/office/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Office', message: 'Office.js is used only in src/office/ (shared by the pane and the functions).' },
        { name: 'Excel', message: 'Office.js is used only in src/office/ (shared by the pane and the functions).' },
      ],
    },
  },
  {
    // The engine: no Node, DOM, Office, spreadsheet library or UI.
    files: ['src/validation/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...NODE_BUILTINS, 'exceljs', '@e965/xlsx', 'react', 'react-dom'].map((name) => ({
            name,
            message: 'src/validation is pure TypeScript: no Node, DOM, Office, spreadsheet or UI library.',
          })),
          patterns: [{ group: ['node:*', '@fluentui/*'], message: 'src/validation is pure TypeScript.' }],
        },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'Office', 'Excel'],
    },
  },
  {
    // Everything outside the engine reaches it through its public API, src/validation/index.ts.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/validation/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+validation/.+',
              message: 'Import the engine from src/validation (its index.ts), not its internals.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'tests/**/*.tsx', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      // Tests and scripts build odd inputs on purpose and read results loosely.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
    },
  },
);
