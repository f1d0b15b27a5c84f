// What `npm run bench` and `npm run soak` stand on: a database of their own, portal instances in
// production mode started through `npm start` (scripts/start.ts: migrations, reference data, the
// demo world on the empty database, `next build` when stale), demo sign-in over HTTP, the probe's
// samples (probe.cjs), and a counting proxy in front of PostgreSQL for the round trips.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, openSync, readFileSync, readdirSync, rmSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { configuredDatabaseUrl, redactUrl, repoRoot } from "../db/config";
import { startThrowAwayCluster } from "../db/postgres-server";
import { send, type RequestSpec } from "./load";

export type BenchDatabase = { url: string; label: string; dispose: () => Promise<void> };

/**
 * A database that holds nothing of anyone's: `<name>_bench` beside DATABASE_URL's (dropped and
 * created again at each run), else a throw-away embedded PostgreSQL cluster.
 */
export async function benchDatabase(): Promise<BenchDatabase> {
  const configured = configuredDatabaseUrl();
  if (configured) {
    const url = new URL(configured);
    const name = `${decodeURIComponent(url.pathname.replace(/^\//, "")) || "postgres"}_bench`;
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name))
      throw new Error(`cannot derive a bench database name from ${name}`);
    const admin = new pg.Client({ connectionString: configured });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      label: `${redactUrl(url.toString())} (a database of its own beside DATABASE_URL's)`,
      dispose: async () => {},
    };
  }
  const cluster = await startThrowAwayCluster("bench");
  const server = await new pg.Client({ connectionString: cluster.url });
  await server.connect();
  const { rows } = await server.query<{ server_version: string }>("SHOW server_version");
  await server.end();
  return {
    url: cluster.url,
    label: `embedded PostgreSQL ${rows[0]!.server_version} (throw-away cluster on 127.0.0.1:${cluster.port})`,
    dispose: () => cluster.stop(),
  };
}

/** Secrets shared by every instance of one run (and by seed:scale and the chain check). */
export function runSecrets() {
  return {
    authSecret: randomBytes(32).toString("base64url"),
    chainKey: randomBytes(48).toString("base64url"),
    probeDir: mkdtempSync(path.join(os.tmpdir(), "portal-bench-probe-")),
  };
}

export type Portal = { port: number; origin: string; child: ChildProcess; stop: () => Promise<void> };

export type PortalOptions = {
  port: number;
  databaseUrl: string;
  secrets: ReturnType<typeof runSecrets>;
  /** Failed logins before an account locks: low, so the shared counter can be shown across instances. */
  accountMaxFailures?: number;
  /** The portal's own output goes to this file instead of the terminal. */
  logFile?: string;
};

/** `npm start` on `port` against `databaseUrl`; resolves once the portal answers. */
export async function startPortal(options: PortalOptions): Promise<Portal> {
  const origin = `http://127.0.0.1:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    DATABASE_URL: options.databaseUrl,
    DEMO_WORLD: "true",
    AUTH_SECRET: options.secrets.authSecret,
    AUDIT_CHAIN_KEY: options.secrets.chainKey,
    AUTH_URL: origin,
    NEXTAUTH_URL: origin,
    LOGIN_ACCOUNT_MAX_FAILURES: String(options.accountMaxFailures ?? 5),
    // Every request comes from one address here: the address limit must not end the run.
    LOGIN_ADDRESS_MAX_FAILURES: "100000",
    BENCH_PROBE_DIR: options.secrets.probeDir,
    NODE_OPTIONS: [process.env.NODE_OPTIONS ?? "", `--require ${path.join(repoRoot, "scripts", "bench", "probe.cjs")}`]
      .join(" ")
      .trim(),
  };
  delete env.MIGRATION_DATABASE_URL;
  const child = spawn(path.join(repoRoot, "node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
    cwd: repoRoot,
    env,
    stdio: options.logFile
      ? ["ignore", openSync(options.logFile, "a"), openSync(options.logFile, "a")]
      : ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  // A build may come first: up to 10 minutes on a busy 2-core machine.
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the portal on port ${options.port} ended before it answered`);
    const sample = await send(origin, { path: "/login" });
    if (sample.status === 200) return { port: options.port, origin, child, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`the portal on port ${options.port} did not answer within 10 minutes`);
}

// --- Sign-in over HTTP (next-auth's endpoints, shared/spec/demo-world.md) -------------------------

function cookiesOf(headers: http.IncomingHttpHeaders): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of headers["set-cookie"] ?? []) {
    const [pair] = line.split(";");
    const at = pair!.indexOf("=");
    jar.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
  }
  return jar;
}

function rawRequest(
  origin: string,
  method: string,
  pathName: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(pathName, origin), { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          text: Buffer.concat(chunks).toString(),
        }),
      );
    });
    request.on("error", reject);
    request.end(body);
  });
}

export type LoginOutcome = { cookie: string | null; status: number };

/** Posts the demo credentials; the session cookie when they were accepted. */
export async function demoLogin(origin: string, username: string, password = "demo"): Promise<LoginOutcome> {
  const csrf = await rawRequest(origin, "GET", "/api/auth/csrf", {});
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const jar = cookiesOf(csrf.headers);
  const form = new URLSearchParams({ username, password, csrfToken, callbackUrl: "/" }).toString();
  const response = await rawRequest(
    origin,
    "POST",
    "/api/auth/callback/demo",
    {
      "content-type": "application/x-www-form-urlencoded",
      cookie: [...jar].map(([name, value]) => `${name}=${value}`).join("; "),
      origin,
    },
    form,
  );
  const session = [...cookiesOf(response.headers)].find(([name]) => name.endsWith("session-token"));
  return { cookie: session ? `${session[0]}=${session[1]}` : null, status: response.status };
}

export async function signIn(origin: string, username: string): Promise<string> {
  const outcome = await demoLogin(origin, username);
  if (!outcome.cookie) throw new Error(`demo login of ${username} gave no session (status ${outcome.status})`);
  return outcome.cookie;
}

/** Who the session cookie belongs to on `origin` (GET /api/auth/session), or null. */
export async function sessionUser(origin: string, cookie: string): Promise<string | null> {
  const response = await rawRequest(origin, "GET", "/api/auth/session", { cookie });
  const body = JSON.parse(response.text || "{}") as { user?: { name?: string } };
  return body.user?.name ?? null;
}

export async function getText(
  origin: string,
  pathName: string,
  cookie?: string,
): Promise<{ status: number; text: string }> {
  const response = await rawRequest(origin, "GET", pathName, cookie ? { cookie } : {});
  return { status: response.status, text: response.text };
}

// --- The nurse's note, saved through the work screen's own server action -------------------------

function decodeHtml(value: string): string {
  return value
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

/**
 * The add-note form of the nurse's work screen as a browser without JavaScript posts it: Next's
 * hidden `$ACTION_…` fields and the form's own hidden fields, read once from the rendered page.
 * Every post gets a new row id, a kind and a text; the action decides (WRITE_NURSING_FILE), writes
 * the note with its log entry in one transaction, and answers 303 to the work screen (which the
 * generator does not follow: the write is what is measured).
 */
export async function noteWriteSpec(origin: string, cookie: string, patientId: string): Promise<RequestSpec> {
  const pathName = `/nurse/patients/${patientId}`;
  const page = await getText(origin, pathName, cookie);
  if (page.status !== 200) throw new Error(`GET ${pathName} as the nurse answered ${page.status}`);
  const forms = [...page.text.matchAll(/<form[\s\S]*?<\/form>/g)].map((match) => match[0]);
  const noteForm = forms.find((form) => /name="text"/.test(form) && /<textarea/.test(form));
  if (!noteForm) throw new Error(`no note form on ${pathName}`);
  const fields: Array<[string, string]> = [];
  for (const input of noteForm.matchAll(/<input[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    if (!name || !/type="hidden"/.test(input[0])) continue;
    fields.push([decodeHtml(name), decodeHtml(/value="([^"]*)"/.exec(input[0])?.[1] ?? "")]);
  }
  if (!fields.some(([name]) => name.startsWith("$ACTION_")))
    throw new Error(`the note form on ${pathName} has no action fields`);
  let counter = 0;
  return {
    method: "POST",
    path: pathName,
    headers: { cookie },
    sameOrigin: true,
    ok: [303],
    body: () => {
      counter += 1;
      const boundary = `----bench${randomBytes(8).toString("hex")}`;
      const entries: Array<[string, string]> = [
        ...fields.filter(([name]) => name !== "id" && name !== "kind" && name !== "text"),
        ["id", randomUUID()],
        ["kind", "OBSERVATION"],
        ["text", `Benchmark note ${counter}: patient rustig, wondzorg volgens plan.`],
      ];
      const data = Buffer.from(
        entries
          .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
          .join("") + `--${boundary}--\r\n`,
      );
      return { contentType: `multipart/form-data; boundary=${boundary}`, data };
    },
  };
}

// --- The probe's samples ----------------------------------------------------------------------

export type ProbeSample = {
  at: number;
  pid: number;
  rssBytes: number;
  heapUsedBytes: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
};

/** Every sample of every Next server process of this run, oldest first. */
export function probeSamples(probeDir: string): ProbeSample[] {
  const samples: ProbeSample[] = [];
  for (const file of readdirSync(probeDir)) {
    for (const line of readFileSync(path.join(probeDir, file), "utf8").split("\n")) {
      if (line.trim()) samples.push(JSON.parse(line) as ProbeSample);
    }
  }
  return samples.sort((a, b) => a.at - b.at);
}

export function removeProbeDir(probeDir: string): void {
  rmSync(probeDir, { recursive: true, force: true });
}

// --- Round trips: a counting proxy in front of PostgreSQL ---------------------------------------

/**
 * A TCP proxy that forwards a PostgreSQL connection untouched and counts, in the client's
 * messages, the ones that end a round trip: Sync (`S`, the end of an extended-protocol query,
 * which is how pg sends parameterised statements) and Query (`Q`, a simple query such as BEGIN).
 */
export async function startCountingProxy(upstreamUrl: string): Promise<{
  url: string;
  roundTrips: () => number;
  close: () => Promise<void>;
}> {
  const upstream = new URL(upstreamUrl);
  let count = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const target = net.connect(Number(upstream.port || 5432), upstream.hostname);
    sockets.add(client).add(target);
    let startup = true;
    let buffered = Buffer.alloc(0);
    client.on("data", (chunk: Buffer) => {
      target.write(chunk);
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        if (startup) {
          if (buffered.length < 8) break;
          const length = buffered.readInt32BE(0);
          if (buffered.length < length) break;
          const code = buffered.readInt32BE(4);
          buffered = buffered.subarray(length);
          // SSL and GSS encryption requests come before the real startup message.
          if (code !== 80877103 && code !== 80877104) startup = false;
          continue;
        }
        if (buffered.length < 5) break;
        const length = buffered.readInt32BE(1);
        if (buffered.length < length + 1) break;
        const type = String.fromCharCode(buffered[0]!);
        if (type === "S" || type === "Q") count += 1;
        buffered = buffered.subarray(length + 1);
      }
    });
    target.on("data", (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      target.destroy();
      sockets.delete(client);
      sockets.delete(target);
    };
    client.on("close", end).on("error", end);
    target.on("close", end).on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  const url = new URL(upstreamUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    roundTrips: () => count,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The access log's highest id now: rows written after it are a phase's. */
export async function accessLogMark(sql: pg.Client): Promise<string> {
  const { rows } = await sql.query<{ id: string | null }>(`SELECT max("id")::text AS id FROM "AccessLogEntry"`);
  return rows[0]!.id ?? "0";
}

export async function accessLogRowsSince(sql: pg.Client, mark: string): Promise<number> {
  const { rows } = await sql.query<{ count: string }>(
    `SELECT count(*) AS count FROM "AccessLogEntry" WHERE "id" > $1`,
    [mark],
  );
  return Number(rows[0]!.count);
}
