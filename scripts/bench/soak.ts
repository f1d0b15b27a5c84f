// `npm run soak` (issue 12): the portal in production mode on a database of its own (as
// `npm run bench`), under a steady mixed load for 30 minutes (--minutes N): the record API and page
// as d.dirk, the nurse's home and note saves as n.nina, the signed-out login page. Prints the Next
// server's memory (RSS, from the probe) after a warm-up and at the end, and the growth; exits 1
// above 10% growth or on any error.
//
// Flags: --minutes N (default 30), --rate N requests/s (default 20), --warmup-seconds N (default
// 60), --port N (default 3304).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { repoRoot } from "../db/config";
import { openLoop, type RequestSpec } from "./load";
import { benchDatabase, noteWriteSpec, probeSamples, removeProbeDir, runSecrets, signIn, startPortal } from "./portal";

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} needs a positive number`);
  return value;
}

const MAX_GROWTH_PERCENT = 10;

async function main(): Promise<number> {
  const minutes = flag("--minutes", 30);
  const rate = flag("--rate", 20);
  const warmupSeconds = flag("--warmup-seconds", 60);
  const port = flag("--port", 3304);
  const resultsDir = path.join(repoRoot, "bench-results");
  mkdirSync(resultsDir, { recursive: true });
  const serverLog = path.join(
    resultsDir,
    `soak-server-${new Date().toISOString().replaceAll(":", "-").slice(0, 19)}.log`,
  );
  console.log(`soak: the portal's own output goes to ${path.relative(repoRoot, serverLog)}`);
  const database = await benchDatabase();
  const secrets = runSecrets();
  const portal = await startPortal({ port, databaseUrl: database.url, secrets, logFile: serverLog }).catch(
    async (error) => {
      await database.dispose();
      throw error;
    },
  );
  try {
    console.log(`soak: ${database.label}; ${rate} requests/s for ${minutes} min after ${warmupSeconds} s of warm-up`);
    const dirk = await signIn(portal.origin, "d.dirk");
    const nina = await signIn(portal.origin, "n.nina");
    const note = await noteWriteSpec(portal.origin, nina, "pat-an");
    // One cycle of ten requests: what a morning of reading and writing looks like, roughly.
    const cycle: RequestSpec[] = [
      { path: "/api/patients/pat-an/record", headers: { cookie: dirk } },
      { path: "/caregiver/patients/pat-an", headers: { cookie: dirk } },
      { path: "/nurse", headers: { cookie: nina } },
      note,
      { path: "/login" },
      { path: "/api/patients/pat-an/record", headers: { cookie: dirk } },
      { path: "/nurse", headers: { cookie: nina } },
      note,
      { path: "/caregiver/patients/pat-an", headers: { cookie: dirk } },
      { path: "/login" },
    ];
    const mix = (index: number) => cycle[index % cycle.length]!;

    const warmup = await openLoop([portal.origin], mix, rate, warmupSeconds);
    const rss = () => {
      const samples = probeSamples(secrets.probeDir).slice(-5);
      return samples.reduce((sum, sample) => sum + sample.rssBytes, 0) / Math.max(1, samples.length) / 2 ** 20;
    };
    const startRss = rss();
    console.log(`soak: after warm-up ${startRss.toFixed(0)} MB RSS (${warmup.errors} errors in the warm-up)`);

    const started = performance.now();
    let errors = 0;
    let served = 0;
    // Minute by minute, so the memory can be followed while it runs.
    for (let minute = 1, left = minutes * 60; left > 0; minute++, left -= 60) {
      const result = await openLoop([portal.origin], mix, rate, Math.min(60, left));
      errors += result.errors;
      served += result.completed;
      console.log(
        `soak: minute ${minute}: ${result.requestsPerSecond.toFixed(1)} req/s, p99 ${result.latencyMs.p99.toFixed(0)} ms, ` +
          `${result.errors} errors, ${rss().toFixed(0)} MB RSS`,
      );
    }
    const endRss = rss();
    const growth = ((endRss - startRss) / startRss) * 100;
    console.log(
      `soak: ${served} requests in ${((performance.now() - started) / 60_000).toFixed(1)} min, ${errors} errors; ` +
        `memory ${startRss.toFixed(0)} MB at start, ${endRss.toFixed(0)} MB at end: ${growth >= 0 ? "+" : ""}${growth.toFixed(1)}%`,
    );
    if (errors > 0 || warmup.errors > 0) {
      console.log("soak: FAILED (errors)");
      return 1;
    }
    if (growth > MAX_GROWTH_PERCENT) {
      console.log(`soak: FAILED (memory grew more than ${MAX_GROWTH_PERCENT}%)`);
      return 1;
    }
    console.log(`soak: OK (memory growth within ${MAX_GROWTH_PERCENT}%)`);
    return 0;
  } finally {
    await portal.stop();
    await database.dispose();
    removeProbeDir(secrets.probeDir);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`soak failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(2);
  },
);
