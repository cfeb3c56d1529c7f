import { defineConfig } from 'vitest/config';

// Three tiers, as in STYLE.md §10. `npm test` runs them all; each can run alone with
// `vitest run --project <name>`.
export default defineConfig({
  test: {
    env: { TZ: 'Europe/Paris' },
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          // One full pipeline run shared by the tests that only read its output.
          globalSetup: ['tests/support/full-pipeline-run.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One Chromium at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
