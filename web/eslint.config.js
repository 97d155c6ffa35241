import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { architectureRule } from './eslint/architecture-rule.js';
import { noLiteralStringRule } from './eslint/no-literal-string-rule.js';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: {
      'react-hooks': reactHooks,
      textura: { rules: { architecture: architectureRule, 'no-literal-string': noLiteralStringRule } },
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'textura/architecture': 'error',
      // Product and language names are the same in every language.
      'textura/no-literal-string': ['error', { allow: ['Textura', 'English', 'Русский'] }],
    },
  },
  {
    // Tests and fixtures may spell out what a person sees.
    files: ['src/**/*.test.{ts,tsx}', 'src/testing/**', 'src/**/testing/**'],
    rules: { 'textura/no-literal-string': 'off' },
  },
  {
    files: ['**/*.js', 'e2e/**/*.ts', '*.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
