// `npm start` (production server) and `npm run dev` (`--dev`: next dev, no build).
//
// 1. Database: DATABASE_URL when set, else the embedded PostgreSQL server (PostgreSQL 18 from
//    npm on loopback, data in <PORTAL_DATA_DIR>/postgres, ADR 0010), started by this process for
//    as long as the portal runs.
// 2. Migrations (ADR 0002), reference data, and the demo world when the database has no person
//    and the demo world is wanted (scripts/demo-world.ts: embedded, or DEMO_WORLD=true).
// 3. `next build` when the sources changed since the last build (start only), then
//    `next start` / `next dev` on PORT (3000), with the settings the portal needs.
// Ctrl-C or SIGTERM stops Next first and then the database (a fast shutdown with a checkpoint);
// so does Next ending on its own, and this process ending on an error.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import {
  configuredDatabaseUrl,
  configuredMigrationUrl,
  displayPath,
  portalDataDir,
  redactUrl,
  repoRoot,
  schemaPath,
} from "./db/config";
import { acquireEmbeddedDatabase, embeddedPaths, type EmbeddedDatabase } from "./db/embedded";
import { describeMigrationResult, migrateDatabase } from "./db/migrate";
import { auditChainKeyForStart } from "./audit/keys";
import { demoWorldWanted, prepareDatabaseContent } from "./demo-world";

type Mode = "start" | "dev";

const mode: Mode = process.argv.includes("--dev") ? "dev" : "start";
const bin = (name: string) => path.join(repoRoot, "node_modules", ".bin", name);

function portFromEnv(): number {
  const raw = process.env.PORT && process.env.PORT !== "" ? process.env.PORT : "3000";
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a port number, got "${raw}"`);
  return port;
}

/** NODE_OPTIONS with `option` added when it is not already there. */
function withNodeOption(current: string | undefined, option: string): string {
  const options = (current ?? "").split(/\s+/).filter(Boolean);
  return (options.includes(option) ? options : [...options, option]).join(" ");
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} ${args.join(" ")} ended with ${signal ?? `exit code ${code}`}`));
    });
  });
}

/** The Prisma client is generated, not committed: (re)generate it when missing or older than the schema. */
async function ensureGeneratedClient(): Promise<void> {
  const generated = path.join(repoRoot, "lib", "generated", "prisma", "client.ts");
  const current = existsSync(generated) && statSync(generated).mtimeMs >= statSync(schemaPath).mtimeMs;
  if (current) return;
  console.log("Generating the Prisma client …");
  await run(bin("prisma"), ["generate"], process.env);
}

/**
 * AUTH_SECRET signs the session cookies. Set: used as is. Unset on a real production database:
 * refuse, since a generated secret there would silently live on one machine's disk. Otherwise
 * (embedded database, or development): generated once and kept in the data folder, so sessions
 * survive a restart.
 */
function authSecret(dataDir: string, realDatabase: boolean): string {
  const configured = process.env.AUTH_SECRET;
  if (configured && configured !== "") return configured;
  if (realDatabase && mode === "start") {
    throw new Error(
      "AUTH_SECRET is required when the portal runs in production on DATABASE_URL (32+ characters, e.g. `openssl rand -base64 32`).",
    );
  }
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return stored;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

// --- Build staleness: a hash of everything `next build` reads ------------------------------------
const BUILD_INPUT_DIRS = ["app", "components", "lib", "messages", "public"];
const BUILD_INPUT_FILES = [
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "proxy.ts",
  "middleware.ts",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "prisma/schema.prisma",
];
const buildHashFile = path.join(repoRoot, ".next", "portal-build-hash");

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      // The generated client follows from prisma/schema.prisma, which is hashed itself.
      return full === path.join(repoRoot, "lib", "generated") ? [] : listFiles(full);
    }
    // Tests are not part of the build: editing one must not force a rebuild.
    return /\.test\.tsx?$/.test(entry.name) ? [] : [full];
  });
}

/** Content, not modification times: a checkout or a copy touches mtimes without changing anything. */
function sourceHash(): string {
  const files = [
    ...BUILD_INPUT_DIRS.flatMap((dir) => listFiles(path.join(repoRoot, dir))),
    ...BUILD_INPUT_FILES.map((file) => path.join(repoRoot, file)).filter((file) => existsSync(file)),
  ].sort();
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(path.relative(repoRoot, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

async function buildIfStale(env: NodeJS.ProcessEnv): Promise<void> {
  const hash = sourceHash();
  const built = existsSync(path.join(repoRoot, ".next", "BUILD_ID")) && existsSync(buildHashFile);
  if (built && readFileSync(buildHashFile, "utf8").trim() === hash) {
    console.log("Build is up to date.");
    return;
  }
  console.log(built ? "Sources changed since the last build: next build …" : "No build yet: next build …");
  await run(bin("next"), ["build"], env);
  writeFileSync(buildHashFile, `${hash}\n`);
}

function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    const attempt = () => {
      if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) return resolve(false);
      const socket = net.connect({ host: "127.0.0.1", port });
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => {
        socket.destroy();
        setTimeout(attempt, 300);
      });
    };
    attempt();
  });
}

async function main(): Promise<void> {
  const port = portFromEnv();
  const dataDir = portalDataDir();
  const configured = configuredDatabaseUrl();

  let embedded: EmbeddedDatabase | undefined;
  let child: ChildProcess | undefined;
  let stopping = false;

  const shutdown = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child?.once("exit", resolve));
      child.kill("SIGTERM");
      // Next normally stops at once; do not let a hung child keep the database open forever.
      const timer = setTimeout(() => child?.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (embedded) {
      try {
        await embedded.release();
        console.log("Embedded PostgreSQL stopped.");
      } catch (error) {
        console.error(
          `Stopping the embedded PostgreSQL failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        exitCode ||= 1;
      }
    }
    process.exit(exitCode);
  };
  process.on("SIGINT", () => void shutdown(130));
  process.on("SIGTERM", () => void shutdown(143));
  // Last resort when this process dies of an error: Next must not outlive its database.
  process.on("exit", () => {
    if (child && child.exitCode === null) child.kill("SIGTERM");
  });
  // The package scripts `exec` tsx, so npm's SIGTERM reaches us through tsx. Should our parent
  // still die without passing a signal on (SIGKILL), we are re-parented: stop, rather than keep
  // a portal and a database running that nobody can reach to stop.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown(1);
  }, 1000).unref();

  try {
    await ensureGeneratedClient();

    let databaseUrl: string;
    let migrationUrl: string;
    if (configured) {
      databaseUrl = configured;
      migrationUrl = configuredMigrationUrl() ?? configured;
      console.log(`Database: ${redactUrl(configured)} (DATABASE_URL)`);
    } else {
      embedded = await acquireEmbeddedDatabase(dataDir, {
        owner: "portal",
        onWait: (message) => console.log(`${message} …`),
      });
      databaseUrl = embedded.url;
      migrationUrl = embedded.ownerUrl;
      console.log(`Embedded PostgreSQL on 127.0.0.1:${embedded.port} (data in ${displayPath(embedded.clusterDir)})`);
      const { legacyPgliteDir } = embeddedPaths(dataDir);
      if (existsSync(legacyPgliteDir)) {
        console.log(
          `Note: ${displayPath(legacyPgliteDir)} holds the former embedded database (PGlite, no longer used); ` +
            "the demo world now lives in the folder above. Delete the old folder when you no longer need it.",
        );
      }
    }

    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl };
    // The portal process gets the runtime role only, never the owner's credentials.
    delete env.MIGRATION_DATABASE_URL;
    // Decided once here and handed to the portal, which offers the demo login only then.
    const demoWorld = demoWorldWanted({ databaseUrl: configured, demoWorld: process.env.DEMO_WORLD });
    env.DEMO_WORLD = String(demoWorld);
    env.AUTH_SECRET = authSecret(dataDir, Boolean(configured));
    env.AUDIT_CHAIN_KEY = auditChainKeyForStart(dataDir, Boolean(configured) && mode === "start");
    env.AUTH_URL ||= `http://localhost:${port}`;
    // next-auth 4 reads its own variable names; keep them in step with ours.
    env.NEXTAUTH_URL ||= env.AUTH_URL;
    env.NEXTAUTH_SECRET ||= env.AUTH_SECRET;
    // A care-record portal does not report usage to anyone, Next's anonymous telemetry included.
    env.NEXT_TELEMETRY_DISABLED ||= "1";
    // The seed below runs in this process and reads the settings through lib/env.ts.
    Object.assign(process.env, env);

    // Migrations as the owner role; the seed and the portal as the runtime role (ADR 0010).
    console.log(describeMigrationResult(await migrateDatabase(migrationUrl)));
    for (const line of await prepareDatabaseContent(databaseUrl, { demoWorld, poolMax: 5 })) console.log(line);

    if (mode === "start") await buildIfStale(env);
    if (stopping) return;

    // The server runs with Object.prototype.__proto__ switched off: the accessor that prototype
    // pollution goes through throws instead of swapping a prototype (ADR 0011). Only the server:
    // `next build` loads a bundled chalk that still assigns `__proto__` and would fail.
    const serverEnv = { ...env, NODE_OPTIONS: withNodeOption(env.NODE_OPTIONS, "--disable-proto=throw") };
    child = spawn(bin("next"), [mode, "-p", String(port)], { cwd: repoRoot, env: serverEnv, stdio: "inherit" });
    child.once("exit", (code, signal) => {
      if (!stopping) {
        console.log(`next ${mode} ended (${signal ?? `exit code ${code}`}).`);
        void shutdown(code ?? 1);
      }
    });
    if (await waitForPort(port, child, 180_000)) {
      console.log(`Portal on http://localhost:${port}${demoWorld ? " — demo login: p.an / demo" : ""}`);
    }
  } catch (error) {
    console.error(
      `${mode === "dev" ? "npm run dev" : "npm start"} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    await shutdown(1);
  }
}

void main();
