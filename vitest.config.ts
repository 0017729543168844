import { defineConfig } from 'vitest/config';

/**
 * Test projects mirror the layers of BRIEF.md: unit (pure), handlers (AWS error paths with
 * aws-sdk-client-mock), integration (DynamoDB Local + local SES), infra (cdk synth + cdk-nag), e2e
 * (the whole local stack over HTTP) and browser (the console in Debian's Chromium on the local stack;
 * the console is built once first when its build is missing or stale).
 */
export default defineConfig({
  test: {
    // The JSON report feeds the closing line of .ci/run.
    reporters: ['default', ['json', { outputFile: '.vitest/results.json' }]],
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { test: { name: 'handlers', include: ['test/handlers/**/*.test.ts'] } },
      // The marketer console's own tests (console/test): its client, i18n catalogues, strings, budget.
      { test: { name: 'console', include: ['console/test/**/*.test.ts'], testTimeout: 120_000 } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/local-services.global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/local-services.global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: [
            'test/support/local-services.global-setup.ts',
            'test/support/console.global-setup.ts',
          ],
          testTimeout: 90_000,
          // A file's hooks launch Chromium and start a local stack.
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
