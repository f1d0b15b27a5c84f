// `npm run bench` (issue 12; ADR 0024; docs/performance.md): one command that starts the portal in
// production mode on a database of its own and prints, side by side, at the demo world and after
// `seed:scale` at 100,000 patients:
// - the access decision next to a bare primary-key lookup through the same client;
// - the record API and the record page (d.dirk reading pat-an), the nurse's home (n.nina) and the
//   login page signed out (the same layout, no database work: the floor), each at 100 and 150
//   requests/s (open loop) and at saturation: requests/s, p50/p95/p99, errors, access-log rows
//   written per request served, the server's event-loop delay;
// - the nurse saving notes at a fixed rate through the work screen's server action;
// - database round trips per request (a counting proxy, on an instance of its own);
// - two instances on one PostgreSQL, round-robin: saturation next to one instance, and the shared
//   state proved shared (a session of A works on B, the login lock counts across both, the access
//   log's chains verify);
// - the server's memory at start and end, the record page's HTML bytes.
// Writes bench-results/bench-<time>.json and exits 1 when any run had errors or a check failed.
//
// Flags: --quick (5 s phases, fewer decision samples), --seconds N, --skip-scale, --patients N,
// --rates 100,150, --connections N, --note-rate N, --port N, --port2 N.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { repoRoot } from "../db/config";
import { seedScaleWorld, type ScaleWorldResult } from "../db/scale-world";
import { openLoop, saturation, send, type PhaseResult, type RequestSpec } from "./load";
import { measureDecision, type DecisionResult } from "./measure";
import {
  accessLogMark,
  accessLogRowsSince,
  benchDatabase,
  demoLogin,
  getText,
  noteWriteSpec,
  probeSamples,
  removeProbeDir,
  runSecrets,
  sessionUser,
  signIn,
  startCountingProxy,
  startPortal,
  type Portal,
  type ProbeSample,
} from "./portal";

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}
const quick = process.argv.includes("--quick");
const settings = {
  quick,
  phaseSeconds: Number(flag("--seconds") ?? (quick ? 5 : 30)),
  rates: (flag("--rates") ?? "100,150").split(",").map(Number),
  connections: Number(flag("--connections") ?? 16),
  noteRate: Number(flag("--note-rate") ?? 20),
  decisionSamples: quick ? 500 : 2000,
  patients: Number(flag("--patients") ?? 100_000),
  skipScale: process.argv.includes("--skip-scale"),
  port: Number(flag("--port") ?? 3304),
  port2: Number(flag("--port2") ?? 3314),
};

type Target = { name: string; spec: RequestSpec; description: string };
type TargetPhase = PhaseResult & {
  target: string;
  accessLogRows: number;
  accessLogRowsPerRequest: number;
  eventLoopDelayP99Ms: number | null;
};
type WorldResult = {
  world: string;
  decision: DecisionResult;
  recordPageHtmlBytes: number;
  recordApiJsonBytes: number;
  phases: TargetPhase[];
  notes: TargetPhase & { notesSaved: number };
};

const failures: string[] = [];
const ms = (value: number) => value.toFixed(value < 10 ? 2 : 0);

async function settle(origin: string): Promise<void> {
  // A phase that overloaded the server leaves work behind (requests the generator gave up on are
  // still being served): wait until the floor answers quickly three times in a row.
  const deadline = Date.now() + 90_000;
  let fast = 0;
  while (Date.now() < deadline && fast < 3) {
    const sample = await send(origin, { path: "/login" });
    fast = sample.status === 200 && sample.ms < 250 ? fast + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function eventLoopP99(samples: ProbeSample[], pid: number, from: number, to: number): number | null {
  const inPhase = samples.filter((sample) => sample.pid === pid && sample.at >= from && sample.at <= to + 1000);
  return inPhase.length ? Math.max(...inPhase.map((sample) => sample.eventLoopDelayMs.p99)) : null;
}

async function newServerPid(probeDir: string, known: Set<number>): Promise<number> {
  for (let i = 0; i < 20; i++) {
    const fresh = probeSamples(probeDir).find((sample) => !known.has(sample.pid));
    if (fresh) return fresh.pid;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the probe reported no new Next server process");
}

async function main(): Promise<number> {
  const started = performance.now();
  const resultsDir = path.join(repoRoot, "bench-results");
  mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replaceAll(":", "-").slice(0, 19);
  const serverLog = path.join(resultsDir, `server-${stamp}.log`);
  const loadAverageAtStart = os.loadavg();
  const database = await benchDatabase();
  const secrets = runSecrets();
  const sql = new pg.Client({ connectionString: database.url });
  let portal: Portal | undefined;
  let second: Portal | undefined;
  try {
    console.log(`bench: ${database.label}; phases of ${settings.phaseSeconds} s${quick ? " (--quick)" : ""}`);
    console.log(`bench: the portal's own output goes to ${path.relative(repoRoot, serverLog)}`);
    const [load] = os.loadavg();
    if (load! > os.cpus().length) {
      console.log(
        `bench: WARNING: load average ${load!.toFixed(1)} on ${os.cpus().length} CPUs before the run: other work shares the machine, the figures will show it`,
      );
    }
    console.log(`bench: starting the portal (production build; built first when stale) on port ${settings.port} …`);
    portal = await startPortal({ port: settings.port, databaseUrl: database.url, secrets, logFile: serverLog });
    const pid = await newServerPid(secrets.probeDir, new Set());
    await sql.connect();
    const dirk = await signIn(portal.origin, "d.dirk");
    const nina = await signIn(portal.origin, "n.nina");
    const targets: Target[] = [
      { name: "floor", spec: { path: "/login" }, description: "/login signed out (same layout, no database work)" },
      {
        name: "record API",
        spec: { path: "/api/patients/pat-an/record", headers: { cookie: dirk } },
        description: "GET /api/patients/pat-an/record as d.dirk",
      },
      {
        name: "record page",
        spec: { path: "/caregiver/patients/pat-an", headers: { cookie: dirk } },
        description: "GET /caregiver/patients/pat-an as d.dirk",
      },
      { name: "nurse home", spec: { path: "/nurse", headers: { cookie: nina } }, description: "GET /nurse as n.nina" },
    ];
    const noteSpec = await noteWriteSpec(portal.origin, nina, "pat-an");

    // Round trips on an instance of its own behind the counting proxy, idle but for the probe requests.
    console.log(`bench: database round trips per request (counting proxy, instance on port ${settings.port2}) …`);
    const roundTrips: Record<string, number> = {};
    {
      const proxy = await startCountingProxy(database.url);
      const counted = await startPortal({ port: settings.port2, databaseUrl: proxy.url, secrets, logFile: serverLog });
      try {
        const counting = [...targets, { name: "note save", spec: noteSpec, description: "" }];
        for (const target of counting) {
          const origin = counted.origin;
          await send(origin, target.spec);
          const before = proxy.roundTrips();
          const repeats = 5;
          for (let i = 0; i < repeats; i++) await send(origin, target.spec);
          roundTrips[target.name] = (proxy.roundTrips() - before) / repeats;
        }
      } finally {
        await counted.stop();
        await proxy.close();
      }
      console.log(
        `  ${Object.entries(roundTrips)
          .map(([name, count]) => `${name}: ${count}`)
          .join(", ")}`,
      );
    }

    const runWorld = async (world: string): Promise<WorldResult> => {
      console.log(`bench: ${world} world — access decision vs primary-key lookup …`);
      const decision = await measureDecision(database.url, settings.decisionSamples);
      const page = await getText(portal!.origin, "/caregiver/patients/pat-an", dirk);
      const api = await getText(portal!.origin, "/api/patients/pat-an/record", dirk);
      if (page.status !== 200 || api.status !== 200)
        failures.push(`${world}: record page ${page.status}, API ${api.status}`);
      const phases: TargetPhase[] = [];
      const phase = async (target: string, run: () => Promise<PhaseResult>): Promise<TargetPhase> => {
        await settle(portal!.origin);
        const mark = await accessLogMark(sql);
        const from = Date.now();
        const result = await run();
        const to = Date.now();
        const rows = await accessLogRowsSince(sql, mark);
        const served = result.completed - (result.errors - result.dropped);
        const entry: TargetPhase = {
          target,
          ...result,
          accessLogRows: rows,
          accessLogRowsPerRequest: served > 0 ? rows / served : 0,
          eventLoopDelayP99Ms: eventLoopP99(probeSamples(secrets.probeDir), pid, from, to),
        };
        const label = result.mode === "open" ? `${result.rate}/s` : `saturation (${result.connections} conn.)`;
        console.log(
          `  ${target.padEnd(12)} ${label.padEnd(22)} ${result.requestsPerSecond.toFixed(1).padStart(7)} req/s  ` +
            `p50 ${ms(result.latencyMs.p50)} p95 ${ms(result.latencyMs.p95)} p99 ${ms(result.latencyMs.p99)} ms  ` +
            `errors ${result.errors}  log rows/request ${entry.accessLogRowsPerRequest.toFixed(2)}`,
        );
        if (result.errors > 0)
          failures.push(`${world} ${target} ${label}: ${result.errors} errors ${JSON.stringify(result.statuses)}`);
        return entry;
      };
      for (const target of targets) {
        for (const rate of settings.rates) {
          phases.push(
            await phase(target.name, () => openLoop([portal!.origin], target.spec, rate, settings.phaseSeconds)),
          );
        }
        phases.push(
          await phase(target.name, () =>
            saturation([portal!.origin], target.spec, settings.connections, settings.phaseSeconds),
          ),
        );
      }
      const notesBefore = Number((await sql.query(`SELECT count(*) AS c FROM "NursingNote"`)).rows[0].c);
      const notes = await phase("note save", () =>
        openLoop([portal!.origin], noteSpec, settings.noteRate, settings.phaseSeconds),
      );
      const notesSaved = Number((await sql.query(`SELECT count(*) AS c FROM "NursingNote"`)).rows[0].c) - notesBefore;
      const served = notes.completed - (notes.errors - notes.dropped);
      if (notesSaved !== served)
        failures.push(`${world}: ${served} note saves answered 303 but ${notesSaved} notes were written`);
      return {
        world,
        decision,
        recordPageHtmlBytes: Buffer.byteLength(page.text),
        recordApiJsonBytes: Buffer.byteLength(api.text),
        phases,
        notes: { ...notes, notesSaved },
      };
    };

    const worlds: WorldResult[] = [await runWorld("demo")];
    let scale: ScaleWorldResult | undefined;
    if (!settings.skipScale) {
      console.log(`bench: seed:scale with ${settings.patients} patients …`);
      scale = await seedScaleWorld(database.url, {
        patients: settings.patients,
        chainKey: Buffer.from(secrets.chainKey, "utf8"),
        log: (line) => console.log(line),
      });
      console.log(`  done in ${scale.seconds.toFixed(0)} s`);
      worlds.push(await runWorld(`${settings.patients} patients`));
    }

    // Two instances on one PostgreSQL.
    console.log(`bench: a second instance on port ${settings.port2}, round-robin …`);
    second = await startPortal({ port: settings.port2, databaseUrl: database.url, secrets, logFile: serverLog });
    const origins = [portal.origin, second.origin];
    const sessionOnB = await sessionUser(second.origin, dirk);
    const recordOnB = await send(second.origin, targets[1]!.spec);
    const ninaFromB = await signIn(second.origin, "n.nina");
    const sessionBOnA = await sessionUser(portal.origin, ninaFromB);
    // The login lock: 5 wrong passwords for d.frank spread over A and B, then the right one on each.
    // First a control: the right password works on B before any failure.
    const controlOnB = await demoLogin(second.origin, "d.frank");
    for (let i = 0; i < 5; i++) await demoLogin(origins[i % 2]!, "d.frank", "wrong-password");
    const rightOnB = await demoLogin(second.origin, "d.frank");
    const rightOnA = await demoLogin(portal.origin, "d.frank");
    const shared = {
      sessionFromAWorksOnB: (sessionOnB ?? "").includes("Dirk Smets") && recordOnB.status === 200,
      sessionFromBWorksOnA: (sessionBOnA ?? "").includes("Nina De Smet"),
      loginLockCountsAcrossInstances:
        controlOnB.cookie !== null && rightOnB.cookie === null && rightOnA.cookie === null,
    };
    for (const [check, ok] of Object.entries(shared)) if (!ok) failures.push(`two instances: ${check} failed`);
    const lastWorld = worlds.at(-1)!;
    const twoInstances: Array<{
      target: string;
      one: number;
      two: number;
      ratio: number;
      two_p99: number;
      errors: number;
    }> = [];
    for (const target of [targets[0]!, targets[1]!]) {
      await settle(portal.origin);
      const result = await saturation(origins, target.spec, settings.connections * 2, settings.phaseSeconds);
      const one = lastWorld.phases.find((phase) => phase.target === target.name && phase.mode === "saturation")!;
      twoInstances.push({
        target: target.name,
        one: one.requestsPerSecond,
        two: result.requestsPerSecond,
        ratio: result.requestsPerSecond / one.requestsPerSecond,
        two_p99: result.latencyMs.p99,
        errors: result.errors,
      });
      if (result.errors > 0) failures.push(`two instances ${target.name}: ${result.errors} errors`);
    }

    // The access log after everything: every chain intact.
    const { createPrismaClient } = await import("@/lib/db/client");
    const { verifyAccessLog } = await import("@/lib/audit/verify");
    const verifier = createPrismaClient(database.url, 1);
    const verified = await verifyAccessLog(verifier, { key: Buffer.from(secrets.chainKey, "utf8") });
    await verifier.$disconnect();
    if (!verified.ok) failures.push(`audit: ${verified.problems.length} chain problems`);

    const mine = probeSamples(secrets.probeDir).filter((sample) => sample.pid === pid);
    const memory = {
      startRssMb: mine[0] ? mine[0].rssBytes / 2 ** 20 : null,
      endRssMb: mine.at(-1) ? mine.at(-1)!.rssBytes / 2 ** 20 : null,
      endHeapUsedMb: mine.at(-1) ? mine.at(-1)!.heapUsedBytes / 2 ** 20 : null,
    };
    const report = {
      at: new Date().toISOString(),
      settings,
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        loadAverageAtStart,
        loadAverageAtEnd: os.loadavg(),
        node: process.version,
      },
      database: database.label,
      roundTripsPerRequest: roundTrips,
      worlds,
      scaleSeed: scale ? { seconds: scale.seconds, counts: scale.counts } : null,
      twoInstances: {
        shared,
        saturation: twoInstances,
        auditVerify: { ok: verified.ok, entries: verified.entries, chains: verified.chains },
      },
      memory,
      failures,
      seconds: (performance.now() - started) / 1000,
    };
    const file = path.join(resultsDir, `bench-${stamp}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    printSummary(report.worlds, twoInstances, shared, memory, roundTrips, verified);
    console.log(`bench: ${path.relative(repoRoot, file)} written in ${(report.seconds / 60).toFixed(1)} min`);
    if (failures.length) {
      console.log(`bench: ${failures.length} problem(s):`);
      for (const failure of failures) console.log(`  - ${failure}`);
      return 1;
    }
    console.log("bench: no errors");
    return 0;
  } finally {
    await second?.stop();
    await portal?.stop();
    await sql.end().catch(() => {});
    await database.dispose();
    removeProbeDir(secrets.probeDir);
  }
}

function printSummary(
  worlds: WorldResult[],
  twoInstances: Array<{ target: string; one: number; two: number; ratio: number }>,
  shared: Record<string, boolean>,
  memory: { startRssMb: number | null; endRssMb: number | null },
  roundTrips: Record<string, number>,
  verified: { ok: boolean; entries: number; chains: number },
): void {
  console.log("\n=== access decision vs primary-key lookup (one request in flight; ms) ===");
  console.log("world            | decision median / p95 / p99 | lookup median / p95 / p99 | ratio median | statements");
  for (const world of worlds) {
    const d = world.decision;
    console.log(
      `${world.world.padEnd(16)} | ${ms(d.decisionMs.median)} / ${ms(d.decisionMs.p95)} / ${ms(d.decisionMs.p99)}`.padEnd(
        47,
      ) +
        ` | ${ms(d.lookupMs.median)} / ${ms(d.lookupMs.p95)} / ${ms(d.lookupMs.p99)}`.padEnd(28) +
        ` | ${d.ratioMedian.toFixed(2)}x`.padEnd(15) +
        ` | ${d.statementsPerDecision}`,
    );
  }
  console.log("\n=== HTTP (req/s, latency ms, errors, access-log rows per request, event-loop delay p99 ms) ===");
  console.log(
    "world            | target       | load             |  req/s |   p50 |   p95 |   p99 | err | log/req | loop p99",
  );
  for (const world of worlds) {
    for (const phase of [...world.phases, world.notes]) {
      const load = phase.mode === "open" ? `${phase.rate}/s open` : `saturation x${phase.connections}`;
      console.log(
        [
          world.world.padEnd(16),
          phase.target.padEnd(12),
          load.padEnd(16),
          phase.requestsPerSecond.toFixed(1).padStart(6),
          ms(phase.latencyMs.p50).padStart(5),
          ms(phase.latencyMs.p95).padStart(5),
          ms(phase.latencyMs.p99).padStart(5),
          String(phase.errors).padStart(3),
          phase.accessLogRowsPerRequest.toFixed(2).padStart(7),
          phase.eventLoopDelayP99Ms === null ? "-" : ms(phase.eventLoopDelayP99Ms),
        ].join(" | "),
      );
    }
  }
  if (worlds.length === 2) {
    console.log("\n=== scale / demo ===");
    const [demo, scale] = worlds as [WorldResult, WorldResult];
    console.log(`decision median: ${(scale.decision.decisionMs.median / demo.decision.decisionMs.median).toFixed(2)}x`);
    for (const phase of demo.phases.filter((entry) => entry.mode === "saturation")) {
      const other = scale.phases.find((entry) => entry.target === phase.target && entry.mode === "saturation")!;
      console.log(
        `${phase.target} saturation: req/s ${(other.requestsPerSecond / phase.requestsPerSecond).toFixed(2)}x, p50 ${(other.latencyMs.p50 / phase.latencyMs.p50).toFixed(2)}x`,
      );
    }
  }
  for (const world of worlds) {
    console.log(
      `${world.world}: record page ${(world.recordPageHtmlBytes / 1024).toFixed(0)} KB of HTML, record API ${(world.recordApiJsonBytes / 1024).toFixed(0)} KB of JSON`,
    );
  }
  console.log(
    `round trips per request: ${Object.entries(roundTrips)
      .map(([name, count]) => `${name} ${count}`)
      .join(", ")}`,
  );
  console.log("\n=== two instances, one PostgreSQL (saturation, round-robin) ===");
  for (const entry of twoInstances) {
    console.log(
      `${entry.target}: one ${entry.one.toFixed(1)} req/s, two ${entry.two.toFixed(1)} req/s (${entry.ratio.toFixed(2)}x)`,
    );
  }
  console.log(
    `shared state: ${Object.entries(shared)
      .map(([name, ok]) => `${name} ${ok ? "yes" : "NO"}`)
      .join(", ")}`,
  );
  console.log(
    `access log after the run: ${verified.ok ? "every chain intact" : "BROKEN"} (${verified.entries} entries, ${verified.chains} chains)`,
  );
  console.log(
    `server memory (RSS): ${memory.startRssMb?.toFixed(0)} MB at start, ${memory.endRssMb?.toFixed(0)} MB at end`,
  );
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(2);
  },
);
