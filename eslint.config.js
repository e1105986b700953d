// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Layer rules (docs/architecture.md): core is pure, infra never imports handler code. */
const awsOrHttp = ['@aws-sdk/*', 'hono', 'hono/*', '@hono/*', 'aws-cdk-lib', 'aws-cdk-lib/*', 'constructs', 'react', 'react-dom'];

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', 'web/dist/', '.cache/', '.data/', 'coverage/', '.scratch-tmp/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['packages/core/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: awsOrHttp, message: 'packages/core is the pure domain: no AWS SDK, Hono, CDK or React.' },
          { group: ['**/functions/**', '**/infra/**', '**/web/**', 'node:*'], message: 'packages/core depends on nothing outside itself.' },
        ],
      }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Core takes configuration as parameters, never from process.env.' }],
      'no-restricted-globals': ['error', { name: 'process', message: 'Core takes configuration as parameters.' }],
    },
  },
  {
    files: ['infra/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/functions/**', '@bds/functions', '@bds/functions/*'], message: 'infra refers to handlers by entry path (functions/…/handler.ts), never imports their code.' }],
      }],
    },
  },
  {
    files: ['web/src/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['@aws-sdk/*', 'aws-cdk-lib', 'aws-cdk-lib/*', '**/functions/adapters/**', '**/functions/local/**'], message: 'The portal talks to the API over HTTP; it may share core schemas and API types only.' }],
      }],
    },
  },
);
