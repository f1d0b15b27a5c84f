// End-to-end tests against the real portal: production build, own port, own freshly seeded
// database (scripts/e2e-server.ts). Two projects (ADR 0007):
// - api: `*.api.spec.ts`, HTTP only through the `request` fixture; never launches a browser,
//   so it runs even where no Chromium is installed;
// - chromium: every other spec, in Debian's Chromium (or Playwright's own, when installed).
// Run everything through `npm test`; `npx playwright test` works on its own too.
import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, findChromium } from "./tests/e2e/support/chromium";

// E2E_PORT lets two checkouts on one machine run their end-to-end tests side by side.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const ci = Boolean(process.env.CI);
const chromium = findChromium();

export default defineConfig({
  testDir: "tests/e2e",
  // Playwright empties this folder at the start of every run; screenshots and the JSON report
  // live beside it in test-results/ so they survive (tests/e2e/support/screenshot.ts).
  outputDir: "test-results/playwright",
  // One worker: the specs share one server and one database on a 2-core machine, and a
  // spec that changes state (accepting a declaration) must not race another that reads it.
  workers: 1,
  fullyParallel: false,
  forbidOnly: ci,
  // No retries: a test that passes only on its second try is a bug to fix, not to hide.
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/reports/playwright.json" }]],
  use: {
    baseURL,
    locale: "nl-BE",
    timezoneId: "Europe/Brussels",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: /.*\.api\.spec\.ts$/,
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          // Without a local Chromium, scripts/test.ts runs only the api project (or fails in CI).
          ...(chromium ? { executablePath: chromium.executablePath } : {}),
          args: [...chromiumArgs],
        },
      },
    },
    // Second: with one worker Playwright runs the projects in this order, and the browser
    // specs need the demo world's pending states (d.gert's declaration) before the HTTP specs
    // touch them.
    {
      name: "api",
      testMatch: /.*\.api\.spec\.ts$/,
      // Like a browser on the portal's own pages: JSON routes refuse a write without this Origin
      // (ADR 0012). tests/e2e/edges.api.spec.ts sends foreign and missing ones on purpose.
      use: { extraHTTPHeaders: { Origin: baseURL } },
    },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    env: { E2E_PORT: String(port) },
    // The login page is public and is served only once the app and its database are up.
    url: `${baseURL}/login`,
    // A first run builds the app: allow for a slow machine.
    timeout: 10 * 60_000,
    // Reusing a running server would skip the fresh database; opt in only while iterating.
    reuseExistingServer: !ci && process.env.E2E_REUSE_SERVER === "1",
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
