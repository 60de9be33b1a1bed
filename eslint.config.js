// Lint rules: typescript-eslint's recommended set everywhere, the Office.js rules of
// eslint-plugin-office-addins on the Excel shell (they catch the classic sync/load mistakes), and the
// rules of hooks on the React panel.
const tseslint = require('typescript-eslint');
const officeAddins = require('eslint-plugin-office-addins');
const reactHooks = require('eslint-plugin-react-hooks');

module.exports = tseslint.config(
  { ignores: ['node_modules/', 'build/', 'dist/', 'appsscript/dist/', 'coverage/', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['addin/**/*.ts', 'addin/**/*.tsx'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/call-sync-after-load': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
  {
    files: ['src/ui/**/*.tsx', 'src/ui/**/*.ts', 'src/page/**/*.tsx', 'addin/**/*.tsx', 'appsscript/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // A sheet and the copies the page keeps for putting it back share their cells' dates
  // (src/workbook/memory-sheet.ts, `copyGrid`): a date is replaced, never changed in place.
  {
    files: ['src/**/*.ts', 'src/**/*.tsx', 'addin/**/*.ts', 'addin/**/*.tsx', 'appsscript/**/*.ts', 'appsscript/**/*.tsx'],
    ignores: ['**/__tests__/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^set(UTC)?(FullYear|Month|Date|Hours|Minutes|Seconds|Milliseconds|Time)$/]',
          message: 'Dates are shared between cells and copies of sheets: make a new Date instead of changing one.',
        },
      ],
    },
  },
  // Layers (docs/ARCHITECTURE.md): the core is pure — no host API, gateway, action, UI or Node built-in —
  // so the same code runs in the task pane, in Apps Script and in Node.
  {
    files: ['src/core/**/*.ts'],
    ignores: ['**/__tests__/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['exceljs', 'googleapis', 'jszip', 'react', 'react-dom', 'fs', 'path', 'os', 'child_process', 'stream'].map((name) => ({
            name,
            message: 'The core is pure: no host API, UI or Node built-in. Put this in a gateway or an action.',
          })),
          patterns: [
            {
              group: ['**/actions/**', '**/ui/**', '**/page/**', '**/cli/**', '**/xlsx/**', '**/sheets-api/**', '**/bench/**', '**/sample/**', '**/addin/**', '**/appsscript/**', '**/workbook/memory', '**/workbook/memory-sheet', '**/workbook/apply-operation', 'node:*', '@fluentui/*'],
              message: 'The core imports nothing above it: only the port (src/workbook snapshot, operations, workbook) and itself.',
            },
          ],
        },
      ],
    },
  },
  // The panel calls actions, never a gateway.
  {
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx'],
    ignores: ['**/__tests__/**', 'src/ui/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['exceljs', 'googleapis'].map((name) => ({ name, message: 'The panel calls actions, never a host API.' })),
          patterns: [
            {
              group: ['**/xlsx/**', '**/sheets-api/**', '**/addin/**', '**/appsscript/**', '**/workbook/memory', '**/page/**', '**/cli/**'],
              message: 'The panel calls actions (src/actions/panel.ts), never a gateway.',
            },
          ],
        },
      ],
    },
  },
);
