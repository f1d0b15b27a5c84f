// `npm test`: generate the Prisma client, run the static checks (type check, ESLint, Prettier:
// ADR 0021) and stop there if one fails, then run Vitest (unit + integration), then Playwright
// (end-to-end), and end with one summary line `N passed, N failed[, N skipped]` that CI reads
// (ADR 0007). Exit code 0 only when nothing failed.
//
// Without a local Chromium the browser specs are skipped LOUDLY and the HTTP-only specs still
// run; with CI=true a missing Chromium is a failure, never a skip.
//
// Database: DATABASE_URL's server when set (CI: Debian's PostgreSQL, the production path);
// otherwise one throw-away embedded PostgreSQL server for the whole run (ADR 0010). Either way
// the tests create their own databases next to it (`<name>_test`, `<name>_e2e`).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { findChromium } from "../tests/e2e/support/chromium";
import { redactUrl } from "./db/config";
import { startThrowAwayCluster, type RunningCluster } from "./db/postgres-server";

type Counts = { passed: number; failed: number; skipped: number };

const REPORT_DIR = resolve("test-results/reports");
const VITEST_REPORT = resolve(REPORT_DIR, "vitest.json");
const PLAYWRIGHT_REPORT = resolve(REPORT_DIR, "playwright.json");
const ci = ["true", "1"].includes((process.env.CI ?? "").toLowerCase());
const bin = (name: string) => resolve("node_modules/.bin", name);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  console.log(`\n$ ${[command.replace(`${resolve("node_modules/.bin")}/`, ""), ...args].join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.error) {
    console.error(`Could not run ${command}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

function loud(lines: string[]): void {
  const bar = "!".repeat(78);
  console.error(`\n${bar}\n${lines.map((line) => `!!! ${line}`).join("\n")}\n${bar}\n`);
}

function readJson(path: string): unknown {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { status: string; assertionResults: { status: string }[] }[];
};

function vitestCounts(exitCode: number): Counts {
  const report = readJson(VITEST_REPORT) as VitestReport | null;
  if (!report) return { passed: 0, failed: 1, skipped: 0 };
  // A file that fails to load (import error, failing beforeAll) has no test results of its
  // own but is still a failure.
  const brokenFiles = report.testResults.filter(
    (file) => file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed"),
  ).length;
  const counts = {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles,
    skipped: report.numPendingTests + report.numTodoTests,
  };
  // Errors outside any test (an unhandled rejection, a failing global setup) fail the run
  // without failing a test: count them so the summary never says 0 failed on a red run.
  if (exitCode !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

type PlaywrightReport = {
  stats?: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors?: unknown[];
};

function playwrightCounts(exitCode: number): Counts {
  const report = readJson(PLAYWRIGHT_REPORT) as PlaywrightReport | null;
  if (!report?.stats) return { passed: 0, failed: 1, skipped: 0 };
  const { expected, unexpected, flaky, skipped } = report.stats;
  // A flaky test passed on its retry: it counts as passed here, and Playwright's own output
  // lists it as flaky.
  const counts = { passed: expected + flaky, failed: unexpected, skipped };
  // The web server failing to start, or an error in a spec file, fails the run before any test.
  if ((exitCode !== 0 || (report.errors?.length ?? 0) > 0) && counts.failed === 0) counts.failed = 1;
  return counts;
}

/** How many tests the browser project holds, without starting the server or a browser. */
function browserTestCount(): number {
  const result = spawnSync(bin("playwright"), ["test", "--list", "--project=chromium", "--reporter=json"], {
    encoding: "utf8",
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: "" },
    maxBuffer: 64 * 1024 * 1024,
  });
  try {
    const report = JSON.parse(result.stdout) as { stats?: { expected: number; skipped: number } };
    if (report.stats) return report.stats.expected + report.stats.skipped;
  } catch {
    // fall through: unknown count
  }
  return 1;
}

function add(a: Counts, b: Counts): Counts {
  return { passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped };
}

/** The static checks, each an npm script (package.json), so `npm run <script>` repeats one alone. */
const STATIC_CHECKS = [
  { name: "type check", script: "typecheck" },
  { name: "ESLint", script: "lint" },
  { name: "Prettier", script: "format:check" },
] as const;

function runCaptured(command: string, args: string[]): Promise<{ status: number; output: string }> {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", (error) => done({ status: 1, output: `Could not run ${command}: ${error.message}\n` }));
    child.on("close", (code) => done({ status: code ?? 1, output: Buffer.concat(chunks).toString("utf8") }));
  });
}

/**
 * Generates the Prisma client (the type check and the tests read it), then runs the static
 * checks side by side (they are independent, and together they take about as long as the
 * slowest). Returns how many failed; a failed one's output is printed whole, with its name.
 */
async function staticChecks(): Promise<number> {
  // The generated client is not committed; every run regenerates it from the schema.
  if (run(bin("prisma"), ["generate"]) !== 0) {
    loud(["`prisma generate` failed: no check and no test can run without the Prisma client."]);
    return 1;
  }
  console.log(`\n$ ${STATIC_CHECKS.map((check) => `npm run ${check.script}`).join(" & ")}`);
  const started = Date.now();
  const results = await Promise.all(
    STATIC_CHECKS.map(async (check) => ({ check, ...(await runCaptured("npm", ["run", "--silent", check.script])) })),
  );
  const failed = results.filter((result) => result.status !== 0);
  for (const { check, output } of failed) {
    console.error(`\n--- ${check.name} (npm run ${check.script}) ---\n${output.trimEnd()}`);
  }
  if (failed.length > 0) {
    loud([
      ...failed.map(({ check }) => `STATIC CHECK FAILED: ${check.name} (\`npm run ${check.script}\`).`),
      "No test ran: fix the check(s) above first. `npm run format` fixes formatting.",
    ]);
  } else {
    const names = STATIC_CHECKS.map((check) => check.name).join(", ");
    console.log(`Static checks passed (${names}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return failed.length;
}

function main(): number {
  rmSync(REPORT_DIR, { recursive: true, force: true });
  mkdirSync(REPORT_DIR, { recursive: true });
  let total: Counts = { passed: 0, failed: 0, skipped: 0 };

  const vitestExit = run(bin("vitest"), [
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${VITEST_REPORT}`,
  ]);
  total = add(total, vitestCounts(vitestExit));

  const chromium = findChromium();
  const playwrightArgs = ["test"];
  if (!chromium) {
    const browserTests = browserTestCount();
    if (ci) {
      loud([
        "NO CHROMIUM FOUND, AND CI=true: THE BROWSER TESTS CANNOT RUN. THIS IS A FAILURE.",
        "Install it (apt-get install -y chromium) so /usr/bin/chromium exists.",
        `Counting the ${browserTests} browser test(s) as failed; the HTTP-only specs still run.`,
      ]);
      total.failed += browserTests;
    } else {
      loud([
        "NO CHROMIUM FOUND: SKIPPING THE BROWSER END-TO-END TESTS.",
        `${browserTests} browser test(s) did NOT run. The HTTP-only specs still run.`,
        "Install Chromium (apt-get install -y chromium) to run them. In CI this is a failure.",
      ]);
      total.skipped += browserTests;
    }
    // --pass-with-no-tests: an api project without specs is not a failure of the browser skip.
    playwrightArgs.push("--project=api", "--pass-with-no-tests");
  }
  // The static checks passed before this runs: the build for the browser tests need not
  // type-check the same tree again (next.config.js).
  const playwrightExit = run(bin("playwright"), playwrightArgs, { ...process.env, PORTAL_SOURCES_TYPE_CHECKED: "1" });
  total = add(total, playwrightCounts(playwrightExit));

  return summarize(total);
}

function summarize(total: Counts): number {
  const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : "";
  // CI parses this exact line: keep it last and alone on its line.
  console.log(`\n${total.passed} passed, ${total.failed} failed${skipped}`);
  return total.failed > 0 ? 1 : 0;
}

/**
 * Runs `work` with DATABASE_URL pointing at a PostgreSQL server: the configured one, or a
 * throw-away embedded one, stopped afterwards whatever happens (Ctrl-C included: the children
 * get the terminal's signal themselves, and this process stops the server once they ended).
 */
async function withTestServer(work: () => number): Promise<number> {
  if (process.env.DATABASE_URL) {
    console.log(`Database server: ${redactUrl(process.env.DATABASE_URL)} (DATABASE_URL)`);
    return work();
  }
  let interrupted = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted = signal === "SIGINT" ? 130 : 143;
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const started = Date.now();
  const cluster: RunningCluster = await startThrowAwayCluster("test");
  const stopOnExit = () => cluster.stopSync();
  process.once("exit", stopOnExit);
  console.log(`Embedded PostgreSQL for this run on 127.0.0.1:${cluster.port} (${Date.now() - started} ms to start)`);
  process.env.DATABASE_URL = cluster.url;
  try {
    const result = work();
    return interrupted || result;
  } finally {
    await cluster.stop();
    process.off("exit", stopOnExit);
  }
}

// The static checks come first, before any database server starts: a broken one fails fast.
const failedChecks = await staticChecks();
process.exitCode =
  failedChecks > 0 ? summarize({ passed: 0, failed: failedChecks, skipped: 0 }) : await withTestServer(main);
