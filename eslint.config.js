// Lint, including the layering rule: shared/ runs anywhere, renderer/ in the browser, electron/ under
// Node, and only the Electron glue may import the `electron` package.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import jurybox from './build/eslint-no-literal-text.js';

/** The only files that may import `electron` at run time (type-only imports are erased and allowed). */
export const ELECTRON_GLUE = ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts'];

const noElectron = {
  name: 'electron',
  message: 'Only the Electron glue (electron/main.ts, electron/preload.ts, electron/ipc.ts) may import electron.',
  allowTypeImports: true,
};
// Files put names, titles and file names into the CLI's messages: it translates through
// electron/cli/context.ts, which escapes them, never through shared/i18n directly.
const noRawCliTranslate = {
  group: ['**/shared/i18n/index.ts'],
  importNames: ['translate', 'translator'],
  message: 'The CLI translates through electron/cli/context.ts, which shows control and bidi characters from files as escapes.',
};
const noNode = {
  group: ['node:*'],
  message: 'shared/ and renderer/ run without Node: no Node built-ins here.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'release/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })] },
    rules: {
      // node:test's describe/it return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] }] },
      ],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './shared', from: ['./electron', './renderer', './build', './test'], message: 'shared/ must not depend on another layer.' },
            { target: './renderer', from: ['./electron', './build', './test'], message: 'renderer/ reaches the Node side only through the API client.' },
            { target: './electron', from: ['./renderer', './build', './test'], message: 'electron/ must not import the renderer.' },
          ],
        },
      ],
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  {
    files: ['shared/**', 'renderer/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [noNode] }] },
  },
  {
    files: ['electron/cli/**'],
    ignores: ['electron/cli/context.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [noRawCliTranslate] }] },
  },
  {
    files: ELECTRON_GLUE,
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks, jurybox },
    rules: { ...reactHooks.configs.recommended.rules, 'jurybox/no-literal-text': 'error', 'jurybox/no-raw-number': 'error' },
  },
  {
    files: ['electron/cli/jurybox.mjs', 'electron/node-check.mjs', 'eslint.config.js', 'build/eslint-no-literal-text.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
