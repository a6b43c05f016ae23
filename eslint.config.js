// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const electronOnlyInShell = {
  name: 'electron',
  message: 'Only src-main/shell and src-main/preload may import electron: the engine and database run under plain Node.',
};

const mainNeverImportsRenderer = { group: ['**/src-renderer/**', '**/src-renderer'], message: 'Main never imports the renderer.' };

const sqlOnlyInDb = 'SQL lives in src-main/db/queries: call a named query function from there.';

/** Imports of src-main/<dirs> from inside src-main: relative ('../../db/queries/x', not '../../../src-shared/api/x') or through src-main. */
function mainFolders(dirs, message) {
  return [
    { regex: `^(\\.\\./)+(${dirs.join('|')})(/|$)`, message },
    { group: dirs.flatMap((dir) => [`**/src-main/${dir}`, `**/src-main/${dir}/**`]), message },
  ];
}

const engineStandsAlone = 'The engine holds the rules: it imports neither src-main/db nor src-main/api (they call it).';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Migrations are frozen in time: they take Kysely<any> and never import app code.
    files: ['migrations/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-imports': ['error', { patterns: [{ group: ['../src-*/**', '../src-*'], message: 'A migration never imports app code.' }] }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [{ group: ['**/src-main/**', '**/src-main', '**/migrations/**'], message: 'The renderer talks to main only through the contract (src-shared) and window.mostrador.' }],
        },
      ],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [{ group: ['**/src-main/**', '**/src-main', '**/src-renderer/**', '**/src-renderer'], message: 'src-shared imports neither src-main nor src-renderer.' }],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/shell/**', 'src-main/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [mainNeverImportsRenderer],
        },
      ],
    },
  },
  // The next three replace the options above for their files (same rule), so they repeat its paths and patterns.
  {
    files: ['src-main/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell], patterns: [mainNeverImportsRenderer, ...mainFolders(['db', 'api'], engineStandsAlone)] }],
    },
  },
  {
    files: ['src-main/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [mainNeverImportsRenderer, ...mainFolders(['api'], 'The database layer never imports src-main/api: handlers call it, not the reverse.')],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/db/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [{ name: 'kysely', allowTypeImports: true, message: sqlOnlyInDb }] }],
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)$/]', message: sqlOnlyInDb },
      ],
    },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
