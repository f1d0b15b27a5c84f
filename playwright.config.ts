// End-to-end tests against the real portal: production build, own port, own freshly seeded
// database (scripts/e2e-server.ts). Two projects (ADR 0007):
// - api: `*.api.spec.ts`, HTTP only through the `request` fixture; never launches a browser,
//   so it runs even where no Chromium is installed;
// - chromium: every other spec, in Debian's Chromium (or Playwright's own, when installed).
// Run everything through `npm test`; `npx playwright test` works on its own too.
import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, findChromium } from "./tests/e2e/support/chromium";

// One portal server per worker, each on its own database (tests/e2e/support/e2e-database.ts), so
// that the workers never share a demo world: worker N talks to the server on E2E_PORT + N. This
// file is also loaded in every worker process, where Playwright has set TEST_PARALLEL_INDEX.
// E2E_PORT lets two checkouts on one machine run their end-to-end tests side by side.
const firstPort = Number(process.env.E2E_PORT ?? 3100);
// Two, also on a 2-core machine: a browser test waits on the server and the server on the
// database most of the time, and two workers overlap those waits (ADR 0026).
const workers = Number(process.env.E2E_WORKERS ?? 1);
const urlOf = (index: number) => `http://127.0.0.1:${firstPort + index}`;
const baseURL = urlOf(Number(process.env.TEST_PARALLEL_INDEX ?? 0));
const ci = Boolean(process.env.CI);
const chromium = findChromium();

export default defineConfig({
  testDir: "tests/e2e",
  // Playwright empties this folder at the start of every run; screenshots and the JSON report
  // live beside it in test-results/ so they survive (tests/e2e/support/screenshot.ts).
  outputDir: "test-results/playwright",
  // Files in parallel, the tests of a file in order on one worker (and so one server).
  workers,
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
    // Second: Playwright hands out the projects' files in this order, so a worker runs its
    // browser specs before any HTTP spec, and the browser specs find the demo world's pending
    // states (d.gert's declaration) before the HTTP specs touch them.
    {
      name: "api",
      testMatch: /.*\.api\.spec\.ts$/,
      // Like a browser on the portal's own pages: JSON routes refuse a write without this Origin
      // (ADR 0012). tests/e2e/edges.api.spec.ts sends foreign and missing ones on purpose.
      use: { extraHTTPHeaders: { Origin: baseURL } },
    },
  ],
  // Started one after the other: the first builds the app when the build is stale, the others
  // find it built.
  webServer: Array.from({ length: workers }, (_, index) => ({
    command: "npx tsx scripts/e2e-server.ts",
    env: { E2E_PORT: String(firstPort + index), E2E_INDEX: String(index) },
    // The login page is public and is served only once the app and its database are up.
    url: `${urlOf(index)}/login`,
    // A first run builds the app: allow for a slow machine.
    timeout: 10 * 60_000,
    // Reusing a running server would skip the fresh database; opt in only while iterating.
    reuseExistingServer: !ci && process.env.E2E_REUSE_SERVER === "1",
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 10_000 },
  })),
});
