// The embedded PostgreSQL (a real PostgreSQL 18 server from npm, ADR 0010) as a shared resource
// of the machine: data in <PORTAL_DATA_DIR>/postgres, kept across restarts, password generated
// once into <PORTAL_DATA_DIR>/postgres-password (beside the generated auth secret).
//
// One process owns the server: a state file next to the data, created exclusively, is the lock:
//   <PORTAL_DATA_DIR>/embedded-postgres.json  { pid, port, owner, startedAt }
// Whoever creates it starts the server and stops it when done; everyone else connects to the
// advertised port.
// - `npm start` / `npm run dev` own the server for as long as the portal runs;
// - db:* commands use a running portal's server, or own one for their own run when none runs.
// A lock whose process is dead (killed with SIGKILL, power loss) is taken over; a server that
// process left running is stopped and started again by its new owner (postgres-server.ts).
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { displayPath } from "./config";
import {
  APP_ROLE,
  connectionUrl,
  EMBEDDED_DATABASE,
  OWNER_ROLE,
  provisionPortalRoles,
  startCluster,
  type RunningCluster,
} from "./postgres-server";

export type EmbeddedOwner = "portal" | "command";

type EmbeddedState = {
  pid: number;
  port: number | null;
  owner: EmbeddedOwner;
  startedAt: string;
};

export type EmbeddedDatabase = {
  /** The portal's URL: the runtime role, which owns nothing (ADR 0010). */
  url: string;
  /** The owner's URL, for migrations. */
  ownerUrl: string;
  /** The superuser's URL, for what needs CREATEDB (the schema engine's shadow databases). */
  adminUrl: string;
  port: number;
  /** True when this process serves the database and must stop it. */
  owned: boolean;
  /** The PostgreSQL cluster's folder, for progress lines. */
  clusterDir: string;
  /** Stops the server when owned; nothing otherwise. Safe to call twice. */
  release(): Promise<void>;
};

export function embeddedPaths(dataDir: string) {
  return {
    stateFile: path.join(dataDir, "embedded-postgres.json"),
    clusterDir: path.join(dataDir, "postgres"),
    passwordFile: path.join(dataDir, "postgres-password"),
    logFile: path.join(dataDir, "postgres.log"),
    /** Where the PGlite default (ADR 0005, superseded) kept its data; no longer read. */
    legacyPgliteDir: path.join(dataDir, "pglite"),
  };
}

/**
 * The owner's and the runtime role's passwords, derived from the superuser's: nothing more to
 * keep, and different per role.
 */
function rolePasswords(superuserPassword: string): { owner: string; app: string } {
  const derive = (role: string) => createHmac("sha256", superuserPassword).update(role).digest("base64url");
  return { owner: derive(OWNER_ROLE), app: derive(APP_ROLE) };
}

/** The three URLs of the embedded database on `port`. */
function embeddedUrls(port: number, password: string) {
  const passwords = rolePasswords(password);
  return {
    url: connectionUrl(port, passwords.app, EMBEDDED_DATABASE, APP_ROLE),
    ownerUrl: connectionUrl(port, passwords.owner, EMBEDDED_DATABASE, OWNER_ROLE),
    adminUrl: connectionUrl(port, password),
  };
}

/**
 * The superuser's password of the embedded cluster: generated once, kept (mode 600) beside the
 * generated auth secret. The cluster was created with it, so losing the file locks the data.
 */
export function embeddedPassword(dataDir: string): string {
  const { passwordFile, clusterDir } = embeddedPaths(dataDir);
  if (existsSync(passwordFile)) {
    const stored = readFileSync(passwordFile, "utf8").trim();
    if (stored.length >= 16) return stored;
  }
  if (existsSync(path.join(clusterDir, "PG_VERSION"))) {
    throw new Error(
      `${displayPath(passwordFile)} is missing or empty, but ${displayPath(clusterDir)} holds a database created ` +
        `with the password it held. Restore the file, or move ${displayPath(clusterDir)} away to start from a new demo world.`,
    );
  }
  mkdirSync(dataDir, { recursive: true });
  const password = randomBytes(24).toString("base64url");
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  return password;
}

function readState(stateFile: string): EmbeddedState | "missing" | "unreadable" {
  let text: string;
  try {
    text = readFileSync(stateFile, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<EmbeddedState>;
    if (typeof parsed.pid !== "number") return "unreadable";
    return {
      pid: parsed.pid,
      port: typeof parsed.port === "number" ? parsed.port : null,
      owner: parsed.owner === "portal" ? "portal" : "command",
      startedAt: String(parsed.startedAt ?? ""),
    };
  } catch {
    // Seen between the exclusive create and the first write: the owner is still starting.
    return "unreadable";
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function portAnswers(port: number, timeoutMs = 1500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

function writeStateAtomically(stateFile: string, state: EmbeddedState): void {
  const temporary = `${stateFile}.${process.pid}.${randomUUID()}.tmp`;
  writeFileSync(temporary, JSON.stringify(state, null, 2));
  renameSync(temporary, stateFile);
}

/** Removes the state file only while it still names `pid`: never another process's lock. */
function removeStateOf(stateFile: string, pid: number): void {
  const current = readState(stateFile);
  if (typeof current === "object" && current.pid === pid) rmSync(stateFile, { force: true });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type AcquireOptions = {
  owner: EmbeddedOwner;
  /** How long to wait for another process that is starting, or for a db:* command to finish. */
  waitMs?: number;
  onWait?: (message: string) => void;
};

/**
 * Connects to the embedded database of `dataDir`, starting it when no process serves it.
 * Only a portal's server is shared: a db:* command's server stops with that command, so
 * everyone waits for such a command to finish and then serves the database itself. A second
 * portal on the same data folder is refused (it would outlive the first one's server).
 */
export async function acquireEmbeddedDatabase(dataDir: string, options: AcquireOptions): Promise<EmbeddedDatabase> {
  const { stateFile, clusterDir, logFile } = embeddedPaths(dataDir);
  mkdirSync(dataDir, { recursive: true });
  const password = embeddedPassword(dataDir);
  const deadline = Date.now() + (options.waitMs ?? 300_000);
  let announced = false;
  const wait = async (message: string) => {
    if (Date.now() > deadline) throw new Error(`${message} — gave up waiting.`);
    if (!announced) options.onWait?.(message);
    announced = true;
    await sleep(250);
  };

  for (;;) {
    const state: EmbeddedState = {
      pid: process.pid,
      port: null,
      owner: options.owner,
      startedAt: new Date().toISOString(),
    };
    try {
      writeFileSync(stateFile, JSON.stringify(state, null, 2), { flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const current = readState(stateFile);
      if (current === "missing") continue;
      if (current === "unreadable") {
        const written = statSync(stateFile, { throwIfNoEntry: false });
        if (!written) continue;
        if (Date.now() - written.mtimeMs > 10_000) {
          // Nobody finishes writing a few bytes in ten seconds: a crash between create and write.
          rmSync(stateFile, { force: true });
          continue;
        }
        await wait(`Another process is starting the embedded database (${displayPath(stateFile)})`);
        continue;
      }
      if (!processAlive(current.pid)) {
        // Its server died without cleaning up (killed, power loss): the lock is stale.
        removeStateOf(stateFile, current.pid);
        continue;
      }
      if (current.port === null) {
        await wait(`Process ${current.pid} is starting the embedded database`);
        continue;
      }
      if (!(await portAnswers(current.port))) {
        await wait(
          `Process ${current.pid} holds the embedded database but port ${current.port} does not answer ` +
            `(if no such process is yours, delete ${displayPath(stateFile)})`,
        );
        continue;
      }
      if (options.owner === "portal" && current.owner === "portal") {
        throw new Error(
          `The portal already runs on this data folder (process ${current.pid}, database port ${current.port}). ` +
            "Stop it first, or give this one its own PORTAL_DATA_DIR.",
        );
      }
      if (current.owner === "command") {
        // A command's server stops when that command ends, under whoever borrowed it (seen:
        // "Can't reach database server" mid-migration). Wait for it and serve our own.
        await wait(`Waiting for the database command in process ${current.pid} to finish`);
        continue;
      }
      const port = current.port;
      return { ...embeddedUrls(port, password), port, owned: false, clusterDir, release: async () => {} };
    }

    // We hold the lock: serve the database.
    let server: RunningCluster;
    try {
      server = await startCluster({
        clusterDir,
        password,
        logFile,
        durable: true,
        provision: (port, superuserPassword) => provisionPortalRoles(port, superuserPassword, rolePasswords(password)),
      });
    } catch (error) {
      removeStateOf(stateFile, process.pid);
      throw error;
    }
    writeStateAtomically(stateFile, { ...state, port: server.port });
    // Last resort when the process ends without release() (an uncaught error, process.exit):
    // stop the server synchronously, the only kind of work an "exit" listener can still do,
    // and give up the lock. After a SIGKILL not even this runs: the next owner finds the lock's
    // process dead, and stops and restarts the server that was left running.
    const removeOnExit = () => {
      server.stopSync();
      removeStateOf(stateFile, process.pid);
    };
    process.once("exit", removeOnExit);
    let released: Promise<void> | undefined;
    return {
      ...embeddedUrls(server.port, password),
      port: server.port,
      owned: true,
      clusterDir,
      release() {
        released ??= (async () => {
          try {
            await server.stop();
          } finally {
            removeStateOf(stateFile, process.pid);
            process.off("exit", removeOnExit);
          }
        })();
        return released;
      },
    };
  }
}
