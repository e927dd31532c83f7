import js from '@eslint/js';
import globals from 'globals';
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// core/ and shared/ are pure: they run in Node tests, the main process and the renderer alike.
const pureImports = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        { name: 'electron', message: 'core/ and shared/ must not depend on Electron.' },
        { name: 'better-sqlite3', message: 'SQL lives in backend/db/repositories.' },
      ],
      patterns: [
        { group: ['node:*'], message: 'core/ and shared/ must not use Node built-ins.' },
        { group: ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'url'], message: 'core/ and shared/ must not use Node built-ins.' },
        { group: ['**/main/**', '**/backend/**', '**/server/**', '**/renderer/**', '**/preload/**'], message: 'core/ and shared/ import nothing from the app layers.' },
      ],
    },
  ],
  'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'process', 'require', 'Buffer'],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'bench/.scratch/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
    },
  },
  // TypeScript already checks that names exist; no-undef cannot see type-only globals such as EventListener.
  { files: ['**/*.ts', '**/*.svelte'], rules: { 'no-undef': 'off' } },
  {
    files: ['src/renderer/**/*.{ts,svelte}', '**/*.svelte.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { projectService: false, extraFileExtensions: ['.svelte'], parser: tseslint.parser, svelteConfig } },
    rules: { 'svelte/no-at-html-tags': 'error' },
  },
  { files: ['src/core/**/*.ts', 'src/shared/**/*.ts'], ignores: ['**/*.test.ts'], rules: pureImports },
);
