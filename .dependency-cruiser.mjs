// @ts-check
import { readFileSync } from 'node:fs';

/**
 * Layer rules checked by dependency-cruiser (docs/architecture.md). ESLint (eslint.config.js) checks
 * what a single file may import by name (core takes no AWS SDK, Hono or process.env); this checks
 * what only the whole graph shows: import cycles, type-only ones included, and the direction between
 * folders. `npm run lint` runs it on the source folders; tests/unit/architecture proves each rule fires.
 */

// The portal may run code from core only through the zod-free subpaths core exports for it.
const coreManifest = JSON.parse(readFileSync(new URL('packages/core/package.json', import.meta.url), 'utf8'));
/** @type {Record<string, string>} */
const coreExports = coreManifest.exports;
const portalSubpaths = Object.entries(coreExports)
  .filter(([subpath]) => subpath !== '.')
  .map(([, file]) => `^packages/core/${file.replace(/^\.\//, '').replace(/\./g, '\\.')}$`);

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle (type-only imports count): move what both sides need down a layer.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'adapters-not-api',
      severity: 'error',
      comment: 'Adapters implement core ports; they never reach into the HTTP layer.',
      from: { path: '^functions/adapters/' },
      to: { path: '^functions/api/' },
    },
    {
      name: 'workers-not-api',
      severity: 'error',
      comment: 'A worker shares an operation with a route through functions/use-cases, never through the route.',
      from: { path: '^functions/workers/' },
      to: { path: '^functions/api/' },
    },
    {
      name: 'use-cases-not-callers',
      severity: 'error',
      comment: 'A use case is called alike by a route and a worker, so it imports neither.',
      from: { path: '^functions/use-cases/' },
      to: { path: '^functions/(api|workers)/' },
    },
    {
      name: 'core-imports-nothing-outside',
      severity: 'error',
      comment: 'packages/core is the pure domain: it imports nothing from functions, infra or web.',
      from: { path: '^packages/core/' },
      to: { path: '^(functions|infra|web)/' },
    },
    {
      name: 'infra-not-functions',
      severity: 'error',
      comment: 'infra refers to handlers by entry path, never imports their code.',
      from: { path: '^infra/' },
      to: { path: '^functions/' },
    },
    {
      name: 'web-not-functions',
      severity: 'error',
      comment: 'The portal talks to the API over HTTP; its API types are generated (npm run gen:api).',
      from: { path: '^web/' },
      to: { path: '^functions/' },
    },
    {
      name: 'web-no-core-runtime',
      severity: 'error',
      comment: "The portal takes types from core, and runtime rules only from core's zod-free subpaths.",
      from: { path: '^web/' },
      to: { path: '^packages/core/', pathNot: portalSubpaths, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '^web/src/api/generated/', '^cdk\\.out/', '^web/dist/'] },
    // Type-only imports are edges too: a type cycle is still a cycle.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
