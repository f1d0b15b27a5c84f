// Vitest runs two projects (ADR 0007):
// - unit: pure tests beside the code, in parallel;
// - integration: tests/integration against a real, freshly migrated PostgreSQL (the embedded
//   server by default, DATABASE_URL's when set), files in parallel, each worker on a database of
//   its own (tests/support/global-setup.ts), reset between tests.
// `npm test` (scripts/test.ts) runs both, then the Playwright end-to-end tests.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      // lib/db.ts imports "server-only", whose default export throws outside a React server
      // bundle; tests get the same empty module that Next's react-server condition resolves to.
      { find: /^server-only$/, replacement: `${root}node_modules/server-only/empty.js` },
      { find: /^@\//, replacement: root },
    ],
  },
  test: {
    // The server runs with Object.prototype.__proto__ switched off (scripts/start.ts, ADR 0011);
    // the tests run the same code the same way, so a dependency that needs it fails here first.
    execArgv: ["--disable-proto=throw"],
    setupFiles: ["tests/support/vitest-setup.ts"],
    // Two workers, also on a 2-core machine: an integration test mostly waits for PostgreSQL,
    // so the other worker's test runs meanwhile. Vitest's default there would be one.
    maxWorkers: 2,
    // A test that forgets to restore a spy must not leak it into the next test.
    restoreMocks: true,
    unstubEnvs: true,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: [
            "lib/**/*.test.ts",
            "components/**/*.test.{ts,tsx}",
            "proxy.test.ts",
            "instrumentation-client.test.ts",
            "eslint.config.test.ts",
          ],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          environment: "node",
          include: ["tests/integration/**/*.test.ts"],
          // Provides a freshly migrated database per worker for the whole run.
          globalSetup: ["tests/support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
