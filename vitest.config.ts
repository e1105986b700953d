import { defineConfig } from 'vitest/config';

// The SDK's Node 20 notice is noise in every test log.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** One project per kind of test; `npm run test:<kind>` selects one. */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Pure tests: one module graph per worker instead of one per file (imports were ~40% of the run).
          // A file that changes module state (env, fake timers) restores it in its own hooks.
          isolate: false,
          // Property tests run hundreds of cases: room for a busy machine, so a slow run never flakes.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/integration/global-setup.ts'],
          // One module graph for every file (each still has its own table, app and workers):
          // the app, the SDK and core are imported once, not 44 times.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      { test: { name: 'infra', include: ['tests/infra/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // One local stack and one Chromium for every e2e file: tests/e2e/support/README.md.
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          // One file at a time: two at once (tried 2026-12-07) timed out the bidding journey on a loaded machine, and
          // beside the integration run in `npm test` the cores are busy anyway.
          fileParallelism: false,
        },
      },
    ],
  },
});
