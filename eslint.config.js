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
);
