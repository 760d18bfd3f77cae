import { defineConfig } from "vitest/config";

// `npm test` runs unit + integration, `npm run test:browser` runs browser.
// Integration and browser tests get a real PostgreSQL from the global setup and
// a database of their own per file from createTestDatabase() (tests/helpers/).
const databaseSetup = ["tests/helpers/globalSetup.ts"];

export default defineConfig({
  test: {
    // Every core (vitest's default leaves one idle, which is half of a 2-core machine).
    // Set here, not per project: `npm test` runs unit and integration side by side,
    // and vitest refuses projects with different maxWorkers in one group.
    maxWorkers: "100%",
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: databaseSetup,
          // Files run in parallel: each has a database of its own.
          testTimeout: 15_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          environment: "node",
          globalSetup: databaseSetup,
          // One Chromium at a time: parallel browsers on 2 cores make timings flaky.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
