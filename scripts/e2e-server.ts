// Starts the portal for the end-to-end tests (Playwright's webServer): the real production
// build through `npm start`, on its own port, against its own freshly created database with
// the demo world freshly seeded. It never touches the developer's own data:
// - DATABASE_URL set: a sibling database `<name>_e2e` on the same server, dropped and recreated;
// - otherwise: an embedded PGlite in .data/e2e, wiped first.
// `npm start` (scripts/start.ts) then migrates, loads reference data, seeds the empty
// database, builds when the build is stale and runs `next start`.
// It also starts the eHealth simulator (scripts/ehealth-simulator) on a free loopback port for the
// portal's EHEALTH_URL, and writes that URL where the specs find it (tests/e2e/support/ehealth.ts).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { e2eDatabaseUrl } from "../tests/e2e/support/e2e-database";
import { writeEHealthSimulatorUrl } from "../tests/e2e/support/ehealth";
import { recreateDatabase } from "./db/sibling-database";
import { startEHealthSimulator } from "./ehealth-simulator/server";

// playwright.config.ts chooses the port and passes it in.
const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

async function main(): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const origin = `http://127.0.0.1:${E2E_PORT}`;

  if (process.env.DATABASE_URL) {
    const target = e2eDatabaseUrl(process.env.DATABASE_URL);
    await recreateDatabase(process.env.DATABASE_URL, target.name);
    env.DATABASE_URL = target.url;
    delete env.PORTAL_DATA_DIR;
    console.log(`[e2e-server] fresh database ${target.name} on ${new URL(target.url).host}`);
  } else {
    const dataDir = resolve(".data/e2e");
    rmSync(dataDir, { recursive: true, force: true });
    env.PORTAL_DATA_DIR = dataDir;
    console.log(`[e2e-server] fresh embedded database in ${dataDir}`);
  }

  env.PORT = String(E2E_PORT);
  env.AUTH_URL = origin;
  env.NEXTAUTH_URL = origin;
  // A throw-away secret per run: production mode requires one, and no cookie outlives the run.
  env.AUTH_SECRET = randomBytes(32).toString("base64url");
  // Production mode switches the demo login off by default; the tests log in as demo users.
  env.DEMO_LOGIN_ENABLED = "true";
  // The eHealth services the doctor's look-up asks (ADR 0020): the simulator, on loopback.
  const ehealth = await startEHealthSimulator();
  env.EHEALTH_URL = ehealth.url;
  writeEHealthSimulatorUrl(ehealth.url);
  console.log(`[e2e-server] eHealth simulator on ${ehealth.url}`);

  const child = spawn("npm", ["start", "--silent"], { env, stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on("exit", (code, signal) => {
    process.exit(code ?? (signal ? 1 : 0));
  });
}

main().catch((error: unknown) => {
  console.error("[e2e-server] could not start the portal:", error);
  process.exit(1);
});
