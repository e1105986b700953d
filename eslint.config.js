// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Layer rules (docs/architecture.md): core is pure, infra never imports handler code. */
const awsOrHttp = [
  '@aws-sdk/*',
  'hono',
  'hono/*',
  '@hono/*',
  'aws-cdk-lib',
  'aws-cdk-lib/*',
  'constructs',
  'react',
  'react-dom',
];

/**
 * `no-restricted-syntax` entries for every file. A block that sets the rule for its own files
 * replaces this list there: spread it into that block's list (tests/unit/architecture/zod-imports.test.ts
 * fails if not).
 */
const restrictedSyntax = [
  {
    // esbuild keeps the whole `z` object when it is imported by name: all of zod and its locales (~400 KB per Lambda).
    selector: [
      'ImportDeclaration[source.value=/^zod(\\/|$)/] >',
      ":matches(ImportSpecifier[imported.name='z'], ImportDefaultSpecifier)",
    ].join(' '),
    message: "Import zod as a namespace (import * as z from 'zod'): `{ z }` puts all of zod in every Lambda.",
  },
];

export default tseslint.config(
  {
    ignores: [
      'web/src/api/generated/',
      'node_modules/',
      'cdk.out/',
      'web/dist/',
      '.cache/',
      '.data/',
      'coverage/',
      '.scratch-tmp/',
      'bench/results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', ...restrictedSyntax],
    },
  },
  {
    files: ['packages/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: awsOrHttp, message: 'packages/core is the pure domain: no AWS SDK, Hono, CDK or React.' },
            {
              group: ['**/functions/**', '**/infra/**', '**/web/**', 'node:*'],
              message: 'packages/core depends on nothing outside itself.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Core takes configuration as parameters, never from process.env.',
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'Core takes configuration as parameters.' }],
    },
  },
  {
    // Convention 9: every instant the marketplace records or decides by comes from one clock,
    // functions/adapters/system.ts, and enters core as a parameter. The files ignored here time the
    // machinery, not the marketplace (a log line's timestamp, the local queue's visibility, waits for
    // DynamoDB Local and the local stream).
    files: ['functions/**', 'packages/core/**'],
    ignores: [
      'functions/adapters/system.ts',
      'functions/observability/logger.ts',
      'functions/local/queue.ts',
      'functions/local/dynamo-local.ts',
      'functions/local/stream-relay.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...restrictedSyntax,
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'Read the time from a Clock (systemClock in functions/adapters/system.ts), not Date.now.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Read the time from a Clock (systemClock in functions/adapters/system.ts), not new Date().',
        },
      ],
    },
  },
  {
    files: ['infra/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/functions/**', '@bds/functions', '@bds/functions/*'],
              message: 'infra refers to handlers by entry path (functions/…/handler.ts), never imports their code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/src/**'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          // Core's index brings zod and the whole domain into the bundle: the portal takes its
          // types, and its runtime rules only from zod-free subpaths (`@bds/core/who-invites`).
          paths: [
            {
              name: '@bds/core',
              allowTypeImports: true,
              message: 'Import types only from @bds/core; runtime rules come from its zod-free subpaths.',
            },
          ],
          patterns: [
            {
              group: ['@aws-sdk/*', 'aws-cdk-lib', 'aws-cdk-lib/*', '**/functions/**', '**/packages/core/**'],
              allowTypeImports: false,
              message: 'The portal talks to the API over HTTP; its API types are generated (npm run gen:api).',
            },
          ],
        },
      ],
    },
  },
);
